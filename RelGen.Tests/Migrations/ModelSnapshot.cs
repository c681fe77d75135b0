using RelGen.Metadata;
using RelGen.Schema;
using RelGen.Schema.Snapshots;

namespace RelGen.Tests.Migrations;

/// <summary>
/// The snapshot of registered models, built from their runtime metadata with CreateTablesAsync's names (the
/// generator will build the same from its specs): lets the tests adopt a database CreateTablesAsync made.
/// </summary>
static class ModelSnapshot
{
    public static SchemaSnapshot Of(IEnumerable<ModelDescriptor> models) => new(models.Select(model => new TableSnapshot(
        model.Table,
        model.Columns.Select(c => new ColumnSnapshot(c.Name, c.SqlType, c.IsNullable && !c.IsKey, c.IsIdentity, c.DefaultSql)),
        new PrimaryKeySnapshot(Truncate(model.Table, "_pkey"), [model.Key.Name]),
        model.Relations.Select(r => new ForeignKeySnapshot(Name(model.Table, r.Column.Name, "fkey"), [r.Column.Name], r.Target.Table, [r.Target.Key.Name], Rule(r.OnDelete))),
        model.Relations.Select(r => new IndexSnapshot(Name(model.Table, r.Column.Name, "idx"), [r.Column.Name])))));

    static string Rule(OnDelete rule) => rule switch
    {
        OnDelete.Cascade => OnDeleteRules.Cascade,
        OnDelete.SetNull => OnDeleteRules.SetNull,
        OnDelete.SetDefault => OnDeleteRules.SetDefault,
        _ => OnDeleteRules.NoAction,
    };

    /// <summary>PostgreSQL's name for an inline primary key: the table's name cut so that it fits 63 bytes with the suffix.</summary>
    static string Truncate(string table, string suffix) => table.Length + suffix.Length > 63 ? table[..(63 - suffix.Length)] + suffix : table + suffix;

    /// <summary>SchemaSql's constraint and index names: table_column_suffix, hashed when longer than 63.</summary>
    static string Name(string table, string column, string suffix)
    {
        var name = $"{table}_{column}_{suffix}";
        if (name.Length <= 63)
            return name;
        var hash = 2166136261u;
        foreach (var c in name)
            hash = (hash ^ c) * 16777619u;
        return name[..54] + "_" + hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }
}
