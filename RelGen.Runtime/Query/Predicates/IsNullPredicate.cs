using Npgsql;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary><c>column IS [NOT] NULL</c>; on a relation's key this is Django's <c>relation__isnull</c>.</summary>
internal sealed class IsNullPredicate(ColumnRef column, bool isNull) : Predicate
{
    public ColumnRef Column { get; } = column;
    public bool IsNull { get; } = isNull;

    internal override bool IsMultiValued => Column.Path?.IsMultiValued ?? false;

    internal override void WriteSql(SqlBuilder sql)
    {
        sql.Column(Column);
        sql.Append(IsNull ? " IS NULL" : " IS NOT NULL");
    }

    internal override void AddParameters(NpgsqlParameterCollection parameters)
    {
    }

    internal override bool ShapeEquals(Predicate other) => other is IsNullPredicate o && o.IsNull == IsNull && ColumnRefShape.Equal(o.Column, Column);

    internal override void AddShape(ref HashCode hash)
    {
        hash.Add(7);
        hash.Add(IsNull);
        ColumnRefShape.Add(ref hash, Column);
    }
}
