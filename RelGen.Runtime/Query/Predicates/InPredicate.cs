using RelGen.Sql;

namespace RelGen.Query;

/// <summary><c>expression = ANY($n)</c> with the values as one array parameter; an empty list matches nothing.</summary>
internal sealed class InPredicate<T>(SqlExpression<T> left, T[] values) : Predicate
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
        writer.Token(ShapeOp.In);
        left.Write(writer);
        left.WriteValues(writer, values);
    }
}
