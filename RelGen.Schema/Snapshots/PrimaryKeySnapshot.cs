using System.Collections.Generic;
using System.Linq;

namespace RelGen.Schema.Snapshots;

/// <summary>A primary key constraint: its name (PostgreSQL's default is <c>{table}_pkey</c>) and columns.</summary>
public sealed class PrimaryKeySnapshot
{
    public PrimaryKeySnapshot(string name, IEnumerable<string> columns)
    {
        Name = Names.Require(name, "primary key name");
        Columns = Names.RequireList(columns, "primary key columns");
    }

    public string Name { get; }

    public IReadOnlyList<string> Columns { get; }

    internal PrimaryKeySnapshot With(string name, IEnumerable<string> columns) => new(name, columns);

    /// <summary>Same columns, whatever the name.</summary>
    internal bool SameDefinition(PrimaryKeySnapshot other) => Columns.SequenceEqual(other.Columns);
}
