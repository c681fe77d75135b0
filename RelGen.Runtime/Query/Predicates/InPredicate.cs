using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// <c>expression = ANY($n)</c> with the values as one array parameter; an empty list matches nothing. With
/// <paramref name="manyKeys"/> (a prefetch's parent keys) the array is hidden from the planner,
/// <c>= ANY(ARRAY(SELECT unnest($n)))</c>, whose plan does not cost per element.
/// </summary>
internal sealed class InPredicate<T>(SqlExpression<T> left, T[] values, bool manyKeys = false) : Predicate
{
    // Refused when the predicate is built, naming model and member: nothing is sent for a value PostgreSQL cannot take.
    private readonly T[] values = LookupValues.CheckedAll(left, values);

    internal override bool IsMultiValued => left.IsMultiValued;

    internal override void Write(ShapeWriter writer)
    {
        if (values.Length == 0)
        {
            writer.Token(ShapeOp.InNothing);
            return;
        }
        writer.Token(ShapeOp.In, manyKeys ? 1 : 0);
        left.Write(writer);
        left.WriteValues(writer, values);
    }
}
