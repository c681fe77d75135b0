using Npgsql;
using RelGen.Sql;

namespace RelGen.Query;

internal sealed class OrPredicate(Predicate left, Predicate right) : Predicate
{
    public Predicate Left { get; } = left;
    public Predicate Right { get; } = right;

    internal override bool IsMultiValued => Left.IsMultiValued || Right.IsMultiValued;

    internal override void WriteSql(SqlBuilder sql)
    {
        sql.Append('(');
        Left.WriteSql(sql);
        sql.Append(" OR ");
        Right.WriteSql(sql);
        sql.Append(')');
    }

    internal override void AddParameters(NpgsqlParameterCollection parameters)
    {
        Left.AddParameters(parameters);
        Right.AddParameters(parameters);
    }

    internal override bool ShapeEquals(Predicate other)
        => other is OrPredicate o && Left.ShapeEquals(o.Left) && Right.ShapeEquals(o.Right);

    internal override void AddShape(ref HashCode hash)
    {
        hash.Add(2);
        Left.AddShape(ref hash);
        Right.AddShape(ref hash);
    }
}
