namespace RelGen.Query;

/// <summary>One term of an <c>OrderBy</c>: a field, ascending or descending.</summary>
public sealed class OrderTerm
{
    public OrderTerm(ColumnRef column, bool descending)
    {
        Column = column;
        Descending = descending;
    }

    public ColumnRef Column { get; }

    public bool Descending { get; }

    internal bool ShapeEquals(OrderTerm other) => Descending == other.Descending && ColumnRefShape.Equal(Column, other.Column);

    public override string ToString() => (Descending ? "-" : "") + Column;
}
