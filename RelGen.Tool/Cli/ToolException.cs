namespace RelGen.Tool.Cli;

/// <summary>A failure the user can act on: its message is printed as it is, without a stack trace, and the tool exits with 1.</summary>
internal sealed class ToolException : Exception
{
    public ToolException(string message) : base(message)
    {
    }
}
