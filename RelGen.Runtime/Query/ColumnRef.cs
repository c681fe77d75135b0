using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>A column reached through a path, optionally transformed (<c>Year</c>, <c>Month</c>, <c>Day</c>).</summary>
internal sealed class ColumnRef
{
    internal ColumnRef(RelationPath? path, ColumnDescriptor column, DateTransform transform = DateTransform.None)
    {
        Path = path;
        Column = column;
        Transform = transform;
    }

    /// <summary>The column reached through <paramref name="path"/>: the column's shared <see cref="ColumnDescriptor.OwnRef"/> when there is no path.</summary>
    internal static ColumnRef Of(RelationPath? path, ColumnDescriptor column) => path is null ? column.OwnRef : new ColumnRef(path, column);

    /// <summary>The relation hops from the query's model; null for the model's own column.</summary>
    public RelationPath? Path { get; }

    /// <summary>The column.</summary>
    public ColumnDescriptor Column { get; }

    /// <summary>The part extracted before comparing, if any.</summary>
    public DateTransform Transform { get; }

    /// <summary>True when the path crosses a reverse relation (the column can have several values per row).</summary>
    internal bool IsMultiValued => Path?.IsMultiValued ?? false;

    /// <inheritdoc />
    public override string ToString() => (Path is null ? "" : Path + ".") + Column.Property + (Transform == DateTransform.None ? "" : "." + Transform);
}
