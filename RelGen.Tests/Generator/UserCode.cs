namespace RelGen.Tests.Generator;

/// <summary>Wraps statements in an async method of a user's class, to compile them against generated code.</summary>
internal static class UserCode
{
    /// <summary>
    /// A class whose one method has <paramref name="parameters"/> and runs <paramref name="statements"/>; the
    /// statements may await.
    /// </summary>
    public static string Method(string parameters, string statements) => $$"""
        using RelGen;

        public static class UserCode
        {
            public static async Task RunAsync({{parameters}})
            {
                await Task.Yield();
        {{Indent(statements, 8)}}
            }
        }
        """;

    private static string Indent(string text, int spaces)
        => string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : new string(' ', spaces) + line));
}
