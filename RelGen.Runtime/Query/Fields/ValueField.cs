namespace RelGen.Query;

/// <summary>A field compared for equality: <c>Exact</c>, <c>In</c>, <c>IsNull</c>, <c>==</c>, <c>!=</c>.</summary>
public class ValueField<T> : Field
{
    public ValueField(ColumnRef column) : base(column) { }

    public Predicate Exact(T value) => new ComparePredicate<T>(Column, LookupOperator.Exact, value);

    public Predicate In(params T[] values) => new InPredicate<T>(Column, values);

    public Predicate In(IEnumerable<T> values) => new InPredicate<T>(Column, values.ToArray());

    public static Predicate operator ==(ValueField<T> field, T value) => field.Exact(value);

    public static Predicate operator !=(ValueField<T> field, T value) => new ComparePredicate<T>(field.Column, LookupOperator.NotEqual, value);

    public override bool Equals(object? obj) => base.Equals(obj);

    public override int GetHashCode() => base.GetHashCode();
}
