using RelGen.Sql;

namespace RelGen.Query;

/// <summary>One term of an <c>OrderBy</c>: a field, ascending or descending.</summary>
public sealed class OrderTerm
{
    internal OrderTerm(ColumnRef column, bool descending)
    {
        Column = column;
        Descending = descending;
    }

    internal ColumnRef Column { get; }

    internal bool Descending { get; }

    internal void Write(ShapeWriter writer)
    {
        writer.Token(ShapeOp.Order, Descending ? 1 : 0);
        writer.Column(Column);
    }

    /// <inheritdoc />
    public override string ToString() => (Descending ? "-" : "") + Column;
}
