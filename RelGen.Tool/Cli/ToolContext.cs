namespace RelGen.Tool.Cli;

/// <summary>
/// Where the tool runs: its working directory, its streams, whether a person can answer questions, and the clock
/// that names new migrations. Tests run the tool in-process with their own.
/// </summary>
internal sealed class ToolContext
{
    public ToolContext(string workingDirectory, TextReader input, TextWriter output, TextWriter error, bool interactive, Func<DateTime> utcNow)
    {
        WorkingDirectory = workingDirectory;
        Input = input;
        Output = output;
        Error = error;
        Interactive = interactive;
        UtcNow = utcNow;
    }

    public static ToolContext FromConsole() => new(Environment.CurrentDirectory, Console.In, Console.Out, Console.Error,
        interactive: !Console.IsInputRedirected, () => DateTime.UtcNow);

    public string WorkingDirectory { get; }

    public TextReader Input { get; }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>False when input is redirected: then the tool never asks, and a question it would ask is an error instead.</summary>
    public bool Interactive { get; }

    public Func<DateTime> UtcNow { get; }
}
