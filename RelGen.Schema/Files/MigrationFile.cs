using System;
using System.Text;
using System.Text.RegularExpressions;

namespace RelGen.Schema.Files;

/// <summary>
/// The checked-in migration file, <c>Migrations/{yyyyMMddHHmmss}_{Name}.sql</c>: header comments, then the
/// line <c>-- relgen:up</c> and the up SQL, then optionally the line <c>-- relgen:down</c> and the down SQL.
/// Anything may be edited before the migration is applied; the up section's checksum is recorded when it is.
/// A file without a down section cannot be rolled back.
/// </summary>
public sealed class MigrationFile
{
    public const string UpMarker = "-- relgen:up";
    public const string DownMarker = "-- relgen:down";
    public const string Extension = ".sql";

    private static readonly Regex NamePattern = new("^[0-9]{14}_[A-Za-z][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);
    private static readonly Regex UserNamePattern = new("^[A-Za-z][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    public MigrationFile(string name, string upSql, string? downSql)
    {
        Name = name;
        UpSql = upSql;
        DownSql = downSql;
    }

    /// <summary>The file name without <c>.sql</c>, e.g. <c>20250102030405_AddEmail</c>: migrations apply in ordinal order of it.</summary>
    public string Name { get; }

    /// <summary>The up section, line ends normalised to <c>\n</c>, surrounding blank lines removed.</summary>
    public string UpSql { get; }

    /// <summary>The down section, or null when the file has none.</summary>
    public string? DownSql { get; }

    /// <summary>A migration file's name: fourteen timestamp digits, an underscore, then a C#-like identifier.</summary>
    public static bool IsValidName(string name) => NamePattern.IsMatch(name);

    /// <summary>What a user may call a migration: letters, digits and underscores, starting with a letter.</summary>
    public static bool IsValidUserName(string name) => UserNamePattern.IsMatch(name);

    /// <summary>Reads a migration file; <see cref="FormatException"/> says what is missing.</summary>
    public static MigrationFile Parse(string name, string text)
    {
        var lines = Normalize(text).Split('\n');
        int up = -1, down = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line == UpMarker)
            {
                if (up >= 0)
                    throw new FormatException($"Migration {name}: the line '{UpMarker}' appears twice.");
                up = i;
            }
            else if (line == DownMarker)
            {
                if (down >= 0)
                    throw new FormatException($"Migration {name}: the line '{DownMarker}' appears twice.");
                down = i;
            }
        }
        if (up < 0)
            throw new FormatException($"Migration {name}: no line '{UpMarker}' starts the up section.");
        if (down >= 0 && down < up)
            throw new FormatException($"Migration {name}: the '{DownMarker}' section comes before '{UpMarker}'.");
        var upEnd = down >= 0 ? down : lines.Length;
        return new MigrationFile(name, Join(lines, up + 1, upEnd), down >= 0 ? Join(lines, down + 1, lines.Length) : null);
    }

    /// <summary>The file text of a new migration.</summary>
    public static string Write(string name, string command, MigrationScript script)
    {
        var text = new StringBuilder();
        text.Append("-- RelGen migration ").Append(name).Append('\n');
        text.Append("-- Written by `").Append(command).Append("`. Review it before it is applied: MigrateAsync() runs\n");
        text.Append("-- the up section in one transaction; MigrateAsync(\"<an earlier migration>\") runs the down section.\n");
        text.Append("-- Changes:\n");
        foreach (var change in script.Summary)
            text.Append("--   ").Append(change.Replace("\n", " ")).Append('\n');
        text.Append('\n').Append(UpMarker).Append('\n');
        if (script.UpSql.Length > 0)
            text.Append(script.UpSql).Append('\n');
        text.Append('\n').Append(DownMarker).Append('\n');
        if (script.DownLosesData)
            text.Append("-- Recreates what up dropped, empty: the dropped rows and values do not come back.\n");
        if (script.DownSql.Length > 0)
            text.Append(script.DownSql).Append('\n');
        return text.ToString();
    }

    /// <summary><c>\r\n</c> and <c>\r</c> become <c>\n</c>, so a checkout with Windows line ends has the same SQL and checksum.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    private static string Join(string[] lines, int start, int end)
    {
        while (start < end && lines[start].Trim().Length == 0)
            start++;
        while (end > start && lines[end - 1].Trim().Length == 0)
            end--;
        return string.Join("\n", lines, start, end - start);
    }
}
