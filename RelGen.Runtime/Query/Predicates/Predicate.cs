using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// A condition built by a lookup (<c>a.Headline.StartsWith("J")</c>); combine with <c>&amp;</c>, <c>|</c> and <c>!</c>.
/// A predicate writes its shape (columns, paths, operators) and its values in one pass: the shape decides the SQL text,
/// the values only become parameters.
/// </summary>
public abstract class Predicate
{
    private protected Predicate()
    {
    }

    /// <summary>Both conditions.</summary>
    public static Predicate operator &(Predicate left, Predicate right) => new LogicalPredicate(left, right, isOr: false);

    /// <summary>Either condition.</summary>
    public static Predicate operator |(Predicate left, Predicate right) => new LogicalPredicate(left, right, isOr: true);

    /// <summary>Django's negation: the row is kept unless the condition is true (NULL counts as not matching).</summary>
    public static Predicate operator !(Predicate operand) => new NotPredicate(operand);

    /// <summary>Writes the shape tokens and, in the same order, the values as parameters.</summary>
    internal abstract void Write(ShapeWriter writer);

    /// <summary>True when a path in this predicate crosses a reverse relation (it can match several rows).</summary>
    internal abstract bool IsMultiValued { get; }
}
