using RelGen.Sql;

namespace RelGen.Query;

/// <summary><c>column IN (SELECT key FROM …)</c>: a query set compiled into the same statement.</summary>
internal sealed class SubqueryInPredicate(ColumnRef column, QueryState subquery) : Predicate
{
    internal override bool IsMultiValued => column.IsMultiValued;

    internal override void Write(ShapeWriter writer)
    {
        writer.Token(ShapeOp.InQuery);
        writer.Column(column);
        subquery.Write(writer, QueryKind.Keys);
    }
}
