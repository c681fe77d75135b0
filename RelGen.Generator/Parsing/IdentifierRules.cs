using RelGen.Schema.Ddl;

namespace RelGen.Generator.Parsing;

/// <summary>
/// What makes a table, column, index or constraint name unusable in PostgreSQL, found at compile time instead of as a raw
/// error in <c>CreateTablesAsync</c> or a silently cut name.
/// </summary>
internal static class IdentifierRules
{
    /// <summary>Columns every table has already (a user column by one of these names is refused with 42701).</summary>
    private static readonly string[] SystemColumns = ["tableoid", "xmin", "cmin", "xmax", "cmax", "ctid"];

    /// <summary>The history table of <c>MigrateAsync</c>.</summary>
    public const string HistoryTable = "relgen_migrations";

    /// <summary>Why <paramref name="name"/> cannot name a <paramref name="kind"/> (table, column, index, constraint), or null when it can.</summary>
    public static string? Problem(string name, string kind)
    {
        if (name.Trim().Length == 0)
            return "it is empty";
        if (name.IndexOf('\0') >= 0)
            return "it holds a NUL character, which no PostgreSQL identifier can";
        var bytes = ConstraintNames.ByteLength(name);
        if (bytes > ConstraintNames.MaxBytes)
            return $"it is {bytes} bytes long in UTF-8 and PostgreSQL keeps only the first {ConstraintNames.MaxBytes}, so it would be cut (and could collide with another cut name); choose a shorter name";
        if (kind == "table" && name.StartsWith("pg_", System.StringComparison.Ordinal))
            return "names starting with 'pg_' belong to PostgreSQL's system catalogs, which are searched first (pg_catalog.pg_class, say), so the table could not be reached by its name";
        if (kind == "table" && name == HistoryTable)
            return "it is the table where MigrateAsync records the applied migrations";
        if (kind == "column" && System.Array.IndexOf(SystemColumns, name) >= 0)
            return "every PostgreSQL table has a system column of that name";
        return null;
    }
}
