using Npgsql;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// A condition built by a lookup (<c>a.Headline.StartsWith("J")</c>); combine with <c>&amp;</c>, <c>|</c> and <c>!</c>.
/// A predicate's shape (columns, paths, operators) decides the SQL text; its values only become parameters.
/// </summary>
public abstract class Predicate
{
    public static Predicate operator &(Predicate left, Predicate right) => new LogicalPredicate(left, right, isOr: false);

    public static Predicate operator |(Predicate left, Predicate right) => new LogicalPredicate(left, right, isOr: true);

    public static Predicate operator !(Predicate operand) => new NotPredicate(operand);

    /// <summary>Writes the SQL text; placeholders are taken from <paramref name="sql"/> in the order <see cref="AddParameters"/> adds values.</summary>
    internal abstract void WriteSql(SqlBuilder sql);

    /// <summary>Adds this predicate's values, in the order <see cref="WriteSql"/> placed their placeholders.</summary>
    internal abstract void AddParameters(NpgsqlParameterCollection parameters);

    /// <summary>True when a path in this predicate crosses a reverse relation (it can match several rows).</summary>
    internal abstract bool IsMultiValued { get; }

    /// <summary>Structural equality ignoring values: two predicates of the same shape compile to the same SQL text.</summary>
    internal abstract bool ShapeEquals(Predicate other);

    internal abstract void AddShape(ref HashCode hash);
}
