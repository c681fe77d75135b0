using System.Text.RegularExpressions;

namespace RelGen.Migrations;

/// <summary>The table names a migration's SQL creates or renames to, read from its text: a hint, never a decision.</summary>
internal static partial class TableNames
{
    public static IEnumerable<string> Created(string sql)
    {
        foreach (Match match in CreatedOrRenamed().Matches(sql))
        {
            var name = match.Groups["name"].Value;
            yield return name.StartsWith('"') ? name[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : name.ToLowerInvariant();
        }
    }

    // CREATE [UNLOGGED|TEMP] TABLE [IF NOT EXISTS] name, and ALTER TABLE ... RENAME TO name; names may be quoted or schema-qualified.
    [GeneratedRegex("""(?:CREATE\s+(?:(?:UNLOGGED|TEMP|TEMPORARY)\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?|\bRENAME\s+TO\s+)(?:(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)\s*\.\s*)?(?<name>"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreatedOrRenamed();
}
