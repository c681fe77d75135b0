using Npgsql;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// Negation as Django's <c>exclude</c>/<c>~Q</c> means it: a row is dropped only when the condition is true
/// (NULL counts as not matching), and a condition across a reverse relation is negated over all related rows.
/// </summary>
internal sealed class NotPredicate(Predicate operand) : Predicate
{
    public Predicate Operand { get; } = operand;

    // The negated subquery has joins of its own; the outer query joins nothing for it.
    internal override bool IsMultiValued => false;

    internal override void WriteSql(SqlBuilder sql)
    {
        if (Operand.IsMultiValued)
        {
            sql.WriteNotExists(Operand);
            return;
        }
        sql.Append("((");
        Operand.WriteSql(sql);
        sql.Append(") IS NOT TRUE)");
    }

    internal override void AddParameters(NpgsqlParameterCollection parameters) => Operand.AddParameters(parameters);

    internal override bool ShapeEquals(Predicate other) => other is NotPredicate o && Operand.ShapeEquals(o.Operand);

    internal override void AddShape(ref HashCode hash)
    {
        hash.Add(3);
        Operand.AddShape(ref hash);
    }
}
