using RelGen.Sql;

namespace RelGen.Query;

/// <summary><c>left OP right</c> between two expressions of the row (Django's <c>F()</c> comparisons).</summary>
internal sealed class ExpressionComparePredicate(SqlExpression left, LookupOperator op, SqlExpression right) : Predicate
{
    internal override bool IsMultiValued => left.IsMultiValued || right.IsMultiValued;

    internal override void Write(ShapeWriter writer)
    {
        writer.Token(ShapeOp.Compare, (int)op);
        left.Write(writer);
        right.Write(writer);
    }
}
