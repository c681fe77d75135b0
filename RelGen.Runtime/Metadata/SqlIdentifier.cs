namespace RelGen.Metadata;

/// <summary>Quotes identifiers; identifiers only ever come from the generator, never from user values.</summary>
internal static class SqlIdentifier
{
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
