using Npgsql;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary><c>(left AND right)</c> or <c>(left OR right)</c>.</summary>
internal sealed class LogicalPredicate(Predicate left, Predicate right, bool isOr) : Predicate
{
    public Predicate Left { get; } = left;
    public Predicate Right { get; } = right;
    public bool IsOr { get; } = isOr;

    internal override bool IsMultiValued => Left.IsMultiValued || Right.IsMultiValued;

    internal override void WriteSql(SqlBuilder sql)
    {
        sql.Append('(');
        Left.WriteSql(sql);
        sql.Append(IsOr ? " OR " : " AND ");
        Right.WriteSql(sql);
        sql.Append(')');
    }

    internal override void AddParameters(NpgsqlParameterCollection parameters)
    {
        Left.AddParameters(parameters);
        Right.AddParameters(parameters);
    }

    internal override bool ShapeEquals(Predicate other)
        => other is LogicalPredicate o && o.IsOr == IsOr && Left.ShapeEquals(o.Left) && Right.ShapeEquals(o.Right);

    internal override void AddShape(ref HashCode hash)
    {
        hash.Add(IsOr ? 2 : 1);
        Left.AddShape(ref hash);
        Right.AddShape(ref hash);
    }
}
