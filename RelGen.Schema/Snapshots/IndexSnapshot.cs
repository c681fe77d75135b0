using System.Collections.Generic;
using System.Linq;

namespace RelGen.Schema.Snapshots;

/// <summary>A plain (or unique) index over columns, in order.</summary>
public sealed class IndexSnapshot
{
    public IndexSnapshot(string name, IEnumerable<string> columns, bool unique = false)
    {
        Name = Names.Require(name, "index name");
        Columns = Names.RequireList(columns, "index columns");
        Unique = unique;
    }

    public string Name { get; }

    public IReadOnlyList<string> Columns { get; }

    public bool Unique { get; }

    internal IndexSnapshot With(string name, IEnumerable<string> columns) => new(name, columns, Unique);

    internal bool SameDefinition(IndexSnapshot other) => Unique == other.Unique && Columns.SequenceEqual(other.Columns);
}
