using Npgsql;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary><c>column BETWEEN low AND high</c>, both ends included.</summary>
internal sealed class RangePredicate<T>(ColumnRef column, T low, T high) : Predicate
{
    public ColumnRef Column { get; } = column;

    internal override bool IsMultiValued => Column.Path?.IsMultiValued ?? false;

    internal override void WriteSql(SqlBuilder sql)
    {
        sql.Column(Column);
        sql.Append(" BETWEEN ");
        sql.Parameter();
        sql.Append(" AND ");
        sql.Parameter();
    }

    internal override void AddParameters(NpgsqlParameterCollection parameters)
    {
        parameters.Add(new NpgsqlParameter<T> { TypedValue = low });
        parameters.Add(new NpgsqlParameter<T> { TypedValue = high });
    }

    internal override bool ShapeEquals(Predicate other) => other is RangePredicate<T> o && ColumnRefShape.Equal(o.Column, Column);

    internal override void AddShape(ref HashCode hash)
    {
        hash.Add(6);
        ColumnRefShape.Add(ref hash, Column);
    }
}
