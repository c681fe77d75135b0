using RelGen.Schema;

namespace RelGen.Query;

/// <summary>A column reached through a path, optionally transformed (<c>Year</c>, <c>Month</c>, <c>Day</c>).</summary>
public sealed class ColumnRef
{
    public ColumnRef(RelationPath? path, ColumnMeta column, DateTransform transform = DateTransform.None)
    {
        Path = path;
        Column = column;
        Transform = transform;
    }

    public RelationPath? Path { get; }

    public ColumnMeta Column { get; }

    public DateTransform Transform { get; }

    public override string ToString() => (Path is null ? "" : Path + ".") + Column.Property + (Transform == DateTransform.None ? "" : "." + Transform);
}
