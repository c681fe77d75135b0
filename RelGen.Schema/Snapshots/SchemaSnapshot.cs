using System;
using System.Collections.Generic;
using System.Linq;

namespace RelGen.Schema.Snapshots;

/// <summary>
/// The database schema a set of models needs: its tables, ordered by name. The generator builds one for the
/// current models; each migration's snapshot is the schema after that migration. Immutable.
/// </summary>
public sealed class SchemaSnapshot
{
    /// <summary>The version of the JSON form this code reads and writes (see <see cref="Json.SnapshotJson"/>).</summary>
    public const int FormatVersion = 1;

    public static SchemaSnapshot Empty { get; } = new SchemaSnapshot(Array.Empty<TableSnapshot>());

    public SchemaSnapshot(IEnumerable<TableSnapshot> tables)
    {
        Tables = tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();
        for (var i = 1; i < Tables.Count; i++)
        {
            if (Tables[i].Name == Tables[i - 1].Name)
                throw new ArgumentException($"Table '{Tables[i].Name}' appears twice in the snapshot.", nameof(tables));
        }
    }

    public IReadOnlyList<TableSnapshot> Tables { get; }

    /// <summary>The table named <paramref name="name"/>, or null.</summary>
    public TableSnapshot? FindTable(string name)
    {
        foreach (var table in Tables)
        {
            if (table.Name == name)
                return table;
        }
        return null;
    }
}
