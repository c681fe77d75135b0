using System;
using System.Collections.Generic;
using System.Linq;

namespace RelGen.Schema.Snapshots;

/// <summary>
/// One table: columns in declaration order, its key, its named constraints and indexes (each ordered by name), and how Citus
/// holds it (null: a plain table).
/// </summary>
public sealed class TableSnapshot
{
    public TableSnapshot(
        string name,
        IEnumerable<ColumnSnapshot> columns,
        PrimaryKeySnapshot? primaryKey = null,
        IEnumerable<ForeignKeySnapshot>? foreignKeys = null,
        IEnumerable<IndexSnapshot>? indexes = null,
        IEnumerable<UniqueConstraintSnapshot>? uniqueConstraints = null,
        IEnumerable<CheckConstraintSnapshot>? checkConstraints = null,
        DistributionSnapshot? distribution = null)
    {
        Name = Names.Require(name, "table name");
        Columns = columns.ToArray();
        PrimaryKey = primaryKey;
        ForeignKeys = ByName(foreignKeys, f => f.Name);
        Indexes = ByName(indexes, i => i.Name);
        UniqueConstraints = ByName(uniqueConstraints, u => u.Name);
        CheckConstraints = ByName(checkConstraints, c => c.Name);
        Distribution = distribution;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in Columns)
        {
            if (!seen.Add(column.Name))
                throw new ArgumentException($"Column '{name}.{column.Name}' appears twice.", nameof(columns));
        }
    }

    public string Name { get; }

    public IReadOnlyList<ColumnSnapshot> Columns { get; }

    public PrimaryKeySnapshot? PrimaryKey { get; }

    public IReadOnlyList<ForeignKeySnapshot> ForeignKeys { get; }

    public IReadOnlyList<IndexSnapshot> Indexes { get; }

    public IReadOnlyList<UniqueConstraintSnapshot> UniqueConstraints { get; }

    public IReadOnlyList<CheckConstraintSnapshot> CheckConstraints { get; }

    /// <summary>Citus: a reference or distributed table; null for a plain one.</summary>
    public DistributionSnapshot? Distribution { get; }

    /// <summary>The column named <paramref name="name"/>, or null.</summary>
    public ColumnSnapshot? FindColumn(string name)
    {
        foreach (var column in Columns)
        {
            if (column.Name == name)
                return column;
        }
        return null;
    }

    private static T[] ByName<T>(IEnumerable<T>? items, Func<T, string> name)
        => items is null ? Array.Empty<T>() : items.OrderBy(name, StringComparer.Ordinal).ToArray();

    public override string ToString() => Name;
}
