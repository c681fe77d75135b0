namespace RelGen.Metadata;

/// <summary>One term of a model's default order (<c>[Ordering]</c>): a column, ascending or descending.</summary>
public sealed class OrderingTerm
{
    /// <summary>A term of the default order.</summary>
    public OrderingTerm(ColumnDescriptor column, bool descending = false)
    {
        ArgumentNullException.ThrowIfNull(column);
        Column = column;
        Descending = descending;
    }

    /// <summary>The column ordered by.</summary>
    public ColumnDescriptor Column { get; }

    /// <summary>True for <c>-Property</c>.</summary>
    public bool Descending { get; }

    /// <inheritdoc />
    public override string ToString() => (Descending ? "-" : "") + Column.Property;
}
