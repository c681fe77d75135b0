using System.Collections.Generic;
using System.Linq;

namespace RelGen.Schema.Snapshots;

/// <summary>A <c>UNIQUE</c> table constraint (what <c>[Unique]</c> declares).</summary>
public sealed class UniqueConstraintSnapshot
{
    public UniqueConstraintSnapshot(string name, IEnumerable<string> columns)
    {
        Name = Names.Require(name, "unique constraint name");
        Columns = Names.RequireList(columns, "unique constraint columns");
    }

    public string Name { get; }

    public IReadOnlyList<string> Columns { get; }

    internal UniqueConstraintSnapshot With(string name, IEnumerable<string> columns) => new(name, columns);

    internal bool SameDefinition(UniqueConstraintSnapshot other) => Columns.SequenceEqual(other.Columns);
}
