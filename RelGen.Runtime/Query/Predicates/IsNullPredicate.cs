using RelGen.Sql;

namespace RelGen.Query;

/// <summary><c>expression IS [NOT] NULL</c>; on a relation's key this is Django's <c>relation__isnull</c>.</summary>
internal sealed class IsNullPredicate(SqlExpression expression, bool isNull) : Predicate
{
    internal override bool IsMultiValued => expression.IsMultiValued;

    internal override void Write(ShapeWriter writer)
    {
        writer.Token(ShapeOp.IsNull, isNull ? 1 : 0);
        expression.Write(writer);
    }
}
