using RelGen.Sql;

namespace RelGen.Query;

/// <summary><c>expression BETWEEN low AND high</c>, both ends included.</summary>
internal sealed class RangePredicate<T>(SqlExpression<T> expression, T low, T high) : Predicate
{
    internal override bool IsMultiValued => expression.IsMultiValued;

    internal override void Write(ShapeWriter writer)
    {
        writer.Token(ShapeOp.Range);
        expression.Write(writer);
        expression.WriteValue(writer, low);
        expression.WriteValue(writer, high);
    }
}
