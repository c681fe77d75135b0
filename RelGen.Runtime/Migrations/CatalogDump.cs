namespace RelGen.Migrations;

/// <summary>
/// A schema's tables as PostgreSQL's catalog describes them, one line per table, column, constraint and index,
/// each line starting with its table's name (<c>reporter: column email character varying(100) NOT NULL</c>).
/// Two dumps are equal when the tables are the same for every query RelGen sends, whatever DDL made them.
/// </summary>
internal sealed class CatalogDump
{
    public CatalogDump(IEnumerable<string> tables, IEnumerable<string> lines)
    {
        Tables = tables.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Lines = lines.Order(StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<string> Tables { get; }

    public IReadOnlyList<string> Lines { get; }

    public static string Line(string table, string text) => table + ": " + text;

    /// <summary>Only the lines of the tables in <paramref name="tables"/>.</summary>
    public CatalogDump Restrict(IReadOnlySet<string> tables)
        => new(Tables.Where(tables.Contains), Lines.Where(l => tables.Contains(TableOf(l))));

    /// <summary>What this dump lacks (<c>missing: …</c>) and has in excess (<c>unexpected: …</c>) compared with <paramref name="expected"/>.</summary>
    public IReadOnlyList<string> DifferencesFrom(CatalogDump expected)
    {
        var have = new HashSet<string>(Lines, StringComparer.Ordinal);
        var want = new HashSet<string>(expected.Lines, StringComparer.Ordinal);
        return expected.Lines.Where(l => !have.Contains(l)).Select(l => "missing: " + l)
            .Concat(Lines.Where(l => !want.Contains(l)).Select(l => "unexpected: " + l))
            .ToList();
    }

    public bool SameAs(CatalogDump other) => Lines.SequenceEqual(other.Lines, StringComparer.Ordinal);

    private static string TableOf(string line) => line[..line.IndexOf(": ", StringComparison.Ordinal)];

    public override string ToString() => string.Join(Environment.NewLine, Lines);
}
