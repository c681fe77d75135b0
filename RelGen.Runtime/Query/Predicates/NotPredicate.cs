using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// Negation as Django's <c>exclude</c>/<c>~Q</c> means it: a row is dropped only when the condition is true (NULL counts as
/// not matching), and a condition across a reverse relation is negated over all related rows.
/// </summary>
internal sealed class NotPredicate(Predicate operand) : Predicate
{
    // The negated subquery has joins of its own; the outer query joins nothing for it.
    internal override bool IsMultiValued => false;

    internal override void Write(ShapeWriter writer) => Write(writer, operand);

    /// <summary>Writes the negation of <paramref name="operand"/> (an <c>Exclude</c> clause writes its predicate this way).</summary>
    internal static void Write(ShapeWriter writer, Predicate operand)
    {
        writer.Token(ShapeOp.Not, operand.IsMultiValued ? 1 : 0);
        operand.Write(writer);
    }
}
