namespace RelGen.Tool.Cli;

/// <summary>The command line is wrong: the message and the usage are printed, and the tool exits with 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message) : base(message)
    {
    }
}
