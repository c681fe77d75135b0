namespace RelGen.Tests.Packaging;

/// <summary>How a child <c>dotnet</c> command ended: its exit code (null when it was killed for taking too long) and its output.</summary>
public sealed record CliResult(string CommandLine, int? ExitCode, string Output, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>For assertion messages: the command, how it ended, and everything it printed.</summary>
    public override string ToString() =>
        $"`{CommandLine}` {(ExitCode is { } code ? $"exited with {code}" : "timed out and was killed")} after {Elapsed.TotalSeconds:0.0} s:{Environment.NewLine}{Output}";
}
