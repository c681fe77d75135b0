using Npgsql;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary><c>column IN (SELECT key FROM …)</c>: a query set compiled into the same statement.</summary>
internal sealed class SubqueryInPredicate(ColumnRef column, QueryState subquery) : Predicate
{
    public ColumnRef Column { get; } = column;
    public QueryState Subquery { get; } = subquery;

    internal override bool IsMultiValued => Column.Path?.IsMultiValued ?? false;

    internal override void WriteSql(SqlBuilder sql)
    {
        sql.Column(Column);
        sql.Append(" IN (");
        sql.WriteKeySubquery(Subquery);
        sql.Append(')');
    }

    internal override void AddParameters(NpgsqlParameterCollection parameters) => Subquery.AddParameters(parameters);

    internal override bool ShapeEquals(Predicate other)
        => other is SubqueryInPredicate o && ColumnRefShape.Equal(o.Column, Column) && o.Subquery.ShapeEquals(Subquery);

    internal override void AddShape(ref HashCode hash)
    {
        hash.Add(8);
        ColumnRefShape.Add(ref hash, Column);
        hash.Add(Subquery.ShapeHash());
    }
}
