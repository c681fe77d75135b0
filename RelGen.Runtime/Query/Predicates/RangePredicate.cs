using RelGen.Sql;

namespace RelGen.Query;

/// <summary><c>expression BETWEEN low AND high</c>, both ends included.</summary>
internal sealed class RangePredicate<T>(SqlExpression<T> expression, T low, T high) : Predicate
{
    // Refused when the predicate is built, naming model and member: nothing is sent for a value PostgreSQL cannot take.
    private readonly T low = LookupValues.Checked(expression, low);
    private readonly T high = LookupValues.Checked(expression, high);

    internal override bool IsMultiValued => expression.IsMultiValued;

    internal override void Write(ShapeWriter writer)
    {
        writer.Token(ShapeOp.Range);
        expression.Write(writer);
        expression.WriteValue(writer, low);
        expression.WriteValue(writer, high);
    }
}
