namespace RelGen.Sql;

/// <summary>Escapes LIKE wildcards so that a user's text matches literally (PostgreSQL's default escape is a backslash).</summary>
internal static class LikePattern
{
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('\\', '%', '_') < 0)
            return text;
        return text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
    }
}
