using System.Collections.Generic;
using System.Linq;

namespace RelGen.Schema.Snapshots;

/// <summary>A foreign key constraint with its <c>ON DELETE</c> rule.</summary>
public sealed class ForeignKeySnapshot
{
    public ForeignKeySnapshot(string name, IEnumerable<string> columns, string referencedTable,
        IEnumerable<string> referencedColumns, string onDelete = OnDeleteRules.NoAction)
    {
        Name = Names.Require(name, "foreign key name");
        Columns = Names.RequireList(columns, "foreign key columns");
        ReferencedTable = Names.Require(referencedTable, "referenced table");
        ReferencedColumns = Names.RequireList(referencedColumns, "referenced columns");
        OnDelete = OnDeleteRules.Require(onDelete);
        if (Columns.Count != ReferencedColumns.Count)
            throw new System.ArgumentException($"Foreign key '{name}' has {Columns.Count} columns but references {ReferencedColumns.Count}.");
    }

    public string Name { get; }

    public IReadOnlyList<string> Columns { get; }

    public string ReferencedTable { get; }

    public IReadOnlyList<string> ReferencedColumns { get; }

    /// <summary>One of <see cref="OnDeleteRules"/>: the SQL words, e.g. <c>CASCADE</c>.</summary>
    public string OnDelete { get; }

    internal ForeignKeySnapshot With(string name, IEnumerable<string> columns, string referencedTable, IEnumerable<string> referencedColumns)
        => new(name, columns, referencedTable, referencedColumns, OnDelete);

    /// <summary>Same columns, target and rule, whatever the name.</summary>
    internal bool SameDefinition(ForeignKeySnapshot other)
        => Columns.SequenceEqual(other.Columns) && ReferencedTable == other.ReferencedTable
           && ReferencedColumns.SequenceEqual(other.ReferencedColumns) && OnDelete == other.OnDelete;
}
