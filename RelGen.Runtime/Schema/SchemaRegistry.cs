using System.Collections.Concurrent;
using System.ComponentModel;

namespace RelGen.Metadata;

/// <summary>
/// The DDL of every loaded model's table. Each assembly's generated module initializer registers its own tables (a model
/// of a referenced assembly is registered by that assembly's), so <c>CreateTablesAsync</c> runs the statements a migration
/// from nothing would run, with the same names, and never builds DDL of its own.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SchemaRegistry
{
    private static readonly ConcurrentDictionary<string, TableSchema> Tables = new(StringComparer.Ordinal);

    /// <summary>Called by generated module initializers. A table registered again keeps its first DDL.</summary>
    public static void Register(params TableSchema[] tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        foreach (var table in tables)
            Tables.TryAdd(table.Name, table);
    }

    /// <summary>The DDL of <paramref name="table"/>, or null when no loaded assembly registered it.</summary>
    internal static TableSchema? Find(string table) => Tables.GetValueOrDefault(table);
}
