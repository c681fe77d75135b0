using RelGen.Tool.Cli;

namespace RelGen.Tests.Migrations;

/// <summary>One in-process run of the relgen tool: its exit code and what it printed.</summary>
public sealed record ToolRun(int ExitCode, string Output, string Error)
{
    public static readonly DateTime Now = new(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc);

    /// <summary>Runs <c>relgen args</c> in <paramref name="directory"/>; <paramref name="answers"/> is what a person types (null: input is redirected).</summary>
    public static async Task<ToolRun> RunAsync(string directory, string? answers, params string[] args) => await RunAtAsync(directory, answers, Now, args);

    public static async Task<ToolRun> RunAtAsync(string directory, string? answers, DateTime utcNow, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new ToolContext(directory, new StringReader(answers ?? ""), output, error, interactive: answers is not null, () => utcNow);
        var exit = await ToolMain.RunAsync(args, context, CancellationToken.None);
        return new ToolRun(exit, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}{Output}{Error}";
}
