namespace Evolution;

/// <summary>The sample checks each step, so a wrong result is a failure, not a line of output nobody reads.</summary>
public static class Check
{
    public static void That(bool condition, string what)
    {
        if (!condition)
            throw new InvalidOperationException("Expected " + what + ".");
    }
}
