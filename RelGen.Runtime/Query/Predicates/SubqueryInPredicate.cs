using RelGen.Sql;

namespace RelGen.Query;

/// <summary><c>expression IN (SELECT key FROM …)</c>: a query set compiled into the same statement.</summary>
internal sealed class SubqueryInPredicate(SqlExpression expression, QueryState subquery) : Predicate
{
    internal override bool IsMultiValued => expression.IsMultiValued;

    internal override void Write(ShapeWriter writer)
    {
        writer.Token(ShapeOp.InQuery);
        expression.Write(writer);
        subquery.Write(writer, QueryKind.Keys);
    }
}
