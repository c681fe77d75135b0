using RelGen.Sql;

namespace RelGen.Query;

/// <summary><c>column BETWEEN low AND high</c>, both ends included.</summary>
internal sealed class RangePredicate<T>(ColumnRef column, T low, T high) : Predicate
{
    internal override bool IsMultiValued => column.IsMultiValued;

    internal override void Write(ShapeWriter writer)
    {
        writer.Token(ShapeOp.Range);
        writer.Column(column);
        writer.Parameter(low);
        writer.Parameter(high);
    }
}
