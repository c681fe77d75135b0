using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>A field with an order: adds <c>Gt</c>, <c>Gte</c>, <c>Lt</c>, <c>Lte</c>, <c>Range</c> and <c>&lt; &lt;= &gt; &gt;=</c>.</summary>
public class OrderedField<T> : ValueField<T>
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public OrderedField(RelationPath? path, ColumnDescriptor column) : base(path, column) { }

    private protected OrderedField(ColumnRef column) : base(column) { }

    /// <summary>Greater than <paramref name="value"/>.</summary>
    public Predicate Gt(T value) => new ComparePredicate<T>(Column, LookupOperator.Gt, value);

    /// <summary>Greater than or equal to <paramref name="value"/>.</summary>
    public Predicate Gte(T value) => new ComparePredicate<T>(Column, LookupOperator.Gte, value);

    /// <summary>Less than <paramref name="value"/>.</summary>
    public Predicate Lt(T value) => new ComparePredicate<T>(Column, LookupOperator.Lt, value);

    /// <summary>Less than or equal to <paramref name="value"/>.</summary>
    public Predicate Lte(T value) => new ComparePredicate<T>(Column, LookupOperator.Lte, value);

    /// <summary>Between <paramref name="low"/> and <paramref name="high"/>, both included.</summary>
    public Predicate Range(T low, T high) => new RangePredicate<T>(Column, low, high);

    /// <summary>Greater than <paramref name="value"/>.</summary>
    public static Predicate operator >(OrderedField<T> field, T value) => field.Gt(value);

    /// <summary>Greater than or equal to <paramref name="value"/>.</summary>
    public static Predicate operator >=(OrderedField<T> field, T value) => field.Gte(value);

    /// <summary>Less than <paramref name="value"/>.</summary>
    public static Predicate operator <(OrderedField<T> field, T value) => field.Lt(value);

    /// <summary>Less than or equal to <paramref name="value"/>.</summary>
    public static Predicate operator <=(OrderedField<T> field, T value) => field.Lte(value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => base.Equals(obj);

    /// <inheritdoc />
    public override int GetHashCode() => base.GetHashCode();
}
