namespace RelGen.Query;

/// <summary>An expression with an order: <c>Gt</c>, <c>Gte</c>, <c>Lt</c>, <c>Lte</c>, <c>Range</c> and <c>&lt; &lt;= &gt; &gt;=</c>, against values or other expressions.</summary>
public abstract class OrderedExpression<T> : SqlExpression<T>
{
    private protected OrderedExpression()
    {
    }

    /// <summary>Greater than <paramref name="value"/>.</summary>
    public Predicate Gt(T value) => new ComparePredicate<T>(this, LookupOperator.Gt, value);

    /// <summary>Greater than or equal to <paramref name="value"/>.</summary>
    public Predicate Gte(T value) => new ComparePredicate<T>(this, LookupOperator.Gte, value);

    /// <summary>Less than <paramref name="value"/>.</summary>
    public Predicate Lt(T value) => new ComparePredicate<T>(this, LookupOperator.Lt, value);

    /// <summary>Less than or equal to <paramref name="value"/>.</summary>
    public Predicate Lte(T value) => new ComparePredicate<T>(this, LookupOperator.Lte, value);

    /// <summary>Between <paramref name="low"/> and <paramref name="high"/>, both included.</summary>
    public Predicate Range(T low, T high) => new RangePredicate<T>(this, low, high);

    /// <summary>Greater than <paramref name="value"/>.</summary>
    public static Predicate operator >(OrderedExpression<T> left, T value) => left.Gt(value);

    /// <summary>Greater than or equal to <paramref name="value"/>.</summary>
    public static Predicate operator >=(OrderedExpression<T> left, T value) => left.Gte(value);

    /// <summary>Less than <paramref name="value"/>.</summary>
    public static Predicate operator <(OrderedExpression<T> left, T value) => left.Lt(value);

    /// <summary>Less than or equal to <paramref name="value"/>.</summary>
    public static Predicate operator <=(OrderedExpression<T> left, T value) => left.Lte(value);

    /// <summary>Greater than another expression, row by row (<c>a =&gt; a.Updated &gt; a.PubDate</c>).</summary>
    public static Predicate operator >(OrderedExpression<T> left, OrderedExpression<T> right) => Compare(left, LookupOperator.Gt, right);

    /// <summary>Greater than or equal to another expression, row by row.</summary>
    public static Predicate operator >=(OrderedExpression<T> left, OrderedExpression<T> right) => Compare(left, LookupOperator.Gte, right);

    /// <summary>Less than another expression, row by row.</summary>
    public static Predicate operator <(OrderedExpression<T> left, OrderedExpression<T> right) => Compare(left, LookupOperator.Lt, right);

    /// <summary>Less than or equal to another expression, row by row.</summary>
    public static Predicate operator <=(OrderedExpression<T> left, OrderedExpression<T> right) => Compare(left, LookupOperator.Lte, right);

    /// <inheritdoc />
    public override bool Equals(object? obj) => base.Equals(obj);

    /// <inheritdoc />
    public override int GetHashCode() => base.GetHashCode();
}
