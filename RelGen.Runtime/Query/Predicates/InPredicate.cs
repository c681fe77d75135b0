using Npgsql;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary><c>column = ANY($n)</c> with the values as one array parameter; an empty list matches nothing.</summary>
internal sealed class InPredicate<T>(ColumnRef column, T[] values) : Predicate
{
    public ColumnRef Column { get; } = column;
    public T[] Values { get; } = values;

    internal override bool IsMultiValued => Column.Path?.IsMultiValued ?? false;

    internal override void WriteSql(SqlBuilder sql)
    {
        if (Values.Length == 0)
        {
            sql.Append("FALSE");
            return;
        }
        sql.Column(Column);
        sql.Append(" = ANY(");
        sql.Parameter();
        sql.Append(')');
    }

    internal override void AddParameters(NpgsqlParameterCollection parameters)
    {
        if (Values.Length > 0)
            parameters.Add(new NpgsqlParameter<T[]> { TypedValue = Values });
    }

    internal override bool ShapeEquals(Predicate other)
        => other is InPredicate<T> o && (o.Values.Length == 0) == (Values.Length == 0) && ColumnRefShape.Equal(o.Column, Column);

    internal override void AddShape(ref HashCode hash)
    {
        hash.Add(5);
        hash.Add(Values.Length == 0);
        ColumnRefShape.Add(ref hash, Column);
    }
}
