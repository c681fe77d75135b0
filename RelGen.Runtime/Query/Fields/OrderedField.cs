namespace RelGen.Query;

/// <summary>A field with an order: adds <c>Gt</c>, <c>Gte</c>, <c>Lt</c>, <c>Lte</c>, <c>Range</c> and <c>&lt; &lt;= &gt; &gt;=</c>.</summary>
public class OrderedField<T> : ValueField<T>
{
    public OrderedField(ColumnRef column) : base(column) { }

    public Predicate Gt(T value) => new ComparePredicate<T>(Column, LookupOperator.Gt, value);

    public Predicate Gte(T value) => new ComparePredicate<T>(Column, LookupOperator.Gte, value);

    public Predicate Lt(T value) => new ComparePredicate<T>(Column, LookupOperator.Lt, value);

    public Predicate Lte(T value) => new ComparePredicate<T>(Column, LookupOperator.Lte, value);

    /// <summary>Between <paramref name="low"/> and <paramref name="high"/>, both included.</summary>
    public Predicate Range(T low, T high) => new RangePredicate<T>(Column, low, high);

    public static Predicate operator >(OrderedField<T> field, T value) => field.Gt(value);

    public static Predicate operator >=(OrderedField<T> field, T value) => field.Gte(value);

    public static Predicate operator <(OrderedField<T> field, T value) => field.Lt(value);

    public static Predicate operator <=(OrderedField<T> field, T value) => field.Lte(value);

    public override bool Equals(object? obj) => base.Equals(obj);

    public override int GetHashCode() => base.GetHashCode();
}
