using RelGen.Tool.Cli;

return await ToolMain.RunAsync(args, ToolContext.FromConsole(), CancellationToken.None).ConfigureAwait(false);
