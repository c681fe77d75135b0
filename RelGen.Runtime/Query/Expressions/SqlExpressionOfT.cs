using RelGen.Sql;

namespace RelGen.Query;

/// <summary>An expression of type <typeparamref name="T"/>: equality lookups (<c>Exact</c>, <c>In</c>, <c>==</c>, <c>!=</c>).</summary>
public abstract class SqlExpression<T> : SqlExpression
{
    private protected SqlExpression()
    {
    }

    /// <summary>Equal to <paramref name="value"/>; a null value is <c>IsNull()</c> (Django's <c>exact=None</c>).</summary>
    public Predicate Exact(T? value) => new ComparePredicate<T?>(this!, LookupOperator.Exact, value);

    /// <summary>Equal to another expression of the same type, row by row (Django's <c>F()</c>); NULL equals nothing.</summary>
    public Predicate Exact(SqlExpression<T> other) => Compare(this, LookupOperator.Exact, other);

    /// <summary>Equal to one of <paramref name="values"/>.</summary>
    public Predicate In(params T[] values) => new InPredicate<T>(this, values);

    /// <summary>Equal to one of <paramref name="values"/>.</summary>
    public Predicate In(IEnumerable<T> values) => new InPredicate<T>(this, values.ToArray());

    /// <summary>Equal to <paramref name="value"/>.</summary>
    public static Predicate operator ==(SqlExpression<T> expression, T? value) => expression.Exact(value);

    /// <summary>Not equal to <paramref name="value"/>, as C# and Django's <c>exclude</c> mean it: a NULL is not equal to a value.</summary>
    public static Predicate operator !=(SqlExpression<T> expression, T? value) => new ComparePredicate<T?>(expression!, LookupOperator.NotEqual, value);

    /// <summary>Writes a value compared with this expression: a parameter of the expression's type (an enum sends its number).</summary>
    internal virtual void WriteValue(ShapeWriter writer, T value) => writer.Parameter(value);

    /// <summary>Writes an array of values (<c>In</c>).</summary>
    internal virtual void WriteValues(ShapeWriter writer, T[] values) => writer.Parameter(values);

    private protected static Predicate Compare(SqlExpression left, LookupOperator op, SqlExpression? right)
        => right is null
            ? new IsNullPredicate(left, op != LookupOperator.NotEqual)
            : new ExpressionComparePredicate(left, op, right);

    /// <inheritdoc />
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <inheritdoc />
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
