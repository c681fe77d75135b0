using Npgsql;
using RelGen.Sql;

namespace RelGen.Query;

internal sealed class AndPredicate(Predicate left, Predicate right) : Predicate
{
    public Predicate Left { get; } = left;
    public Predicate Right { get; } = right;

    internal override bool IsMultiValued => Left.IsMultiValued || Right.IsMultiValued;

    internal override void WriteSql(SqlBuilder sql)
    {
        sql.Append('(');
        Left.WriteSql(sql);
        sql.Append(" AND ");
        Right.WriteSql(sql);
        sql.Append(')');
    }

    internal override void AddParameters(NpgsqlParameterCollection parameters)
    {
        Left.AddParameters(parameters);
        Right.AddParameters(parameters);
    }

    internal override bool ShapeEquals(Predicate other)
        => other is AndPredicate o && Left.ShapeEquals(o.Left) && Right.ShapeEquals(o.Right);

    internal override void AddShape(ref HashCode hash)
    {
        hash.Add(1);
        Left.AddShape(ref hash);
        Right.AddShape(ref hash);
    }
}
