using RelGen.Sql;

namespace RelGen.Query;

/// <summary><c>expression OP value</c>; LIKE lookups escape the value's wildcards before it is sent; a null value is Django's <c>isnull</c>.</summary>
internal sealed class ComparePredicate<T>(SqlExpression<T> left, LookupOperator op, T value) : Predicate
{
    // Refused when the predicate is built, naming model and member: nothing is sent for a value PostgreSQL cannot take.
    private readonly T value = LookupValues.Checked(left, value);

    internal override bool IsMultiValued => left.IsMultiValued;

    internal override void Write(ShapeWriter writer)
    {
        if (value is null)
        {
            // Django: exact=None is isnull=True.
            writer.Token(ShapeOp.IsNull, op == LookupOperator.NotEqual ? 0 : 1);
            left.Write(writer);
            return;
        }
        writer.Token(ShapeOp.Compare, (int)op);
        left.Write(writer);
        if (value is string text)
        {
            writer.Parameter(op switch
            {
                LookupOperator.Contains or LookupOperator.IContains => "%" + LikePattern.Escape(text) + "%",
                LookupOperator.StartsWith or LookupOperator.IStartsWith => LikePattern.Escape(text) + "%",
                LookupOperator.EndsWith or LookupOperator.IEndsWith => "%" + LikePattern.Escape(text),
                _ => text,
            });
            return;
        }
        left.WriteValue(writer, value);
    }
}
