using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>A field compared for equality: <c>Exact</c>, <c>In</c>, <c>IsNull</c>, <c>==</c>, <c>!=</c>.</summary>
public class ValueField<T> : Field
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ValueField(RelationPath? path, ColumnDescriptor column) : base(At(path, column)) { }

    private protected ValueField(ColumnRef column) : base(column) { }

    /// <summary>Equal to <paramref name="value"/>; a null value is <c>IsNull()</c>.</summary>
    public Predicate Exact(T value) => new ComparePredicate<T>(Column, LookupOperator.Exact, value);

    /// <summary>Equal to one of <paramref name="values"/>.</summary>
    public Predicate In(params T[] values) => new InPredicate<T>(Column, values);

    /// <summary>Equal to one of <paramref name="values"/>.</summary>
    public Predicate In(IEnumerable<T> values) => new InPredicate<T>(Column, values.ToArray());

    /// <summary>Equal to <paramref name="value"/>.</summary>
    public static Predicate operator ==(ValueField<T> field, T value) => field.Exact(value);

    /// <summary>Not equal to <paramref name="value"/>.</summary>
    public static Predicate operator !=(ValueField<T> field, T value) => new ComparePredicate<T>(field.Column, LookupOperator.NotEqual, value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => base.Equals(obj);

    /// <inheritdoc />
    public override int GetHashCode() => base.GetHashCode();
}
