using System.ComponentModel;
using System.Runtime.CompilerServices;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>An enum column, stored as its integer value: equality lookups.</summary>
public sealed class EnumField<TEnum> : Field where TEnum : struct, Enum
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public EnumField(RelationPath? path, ColumnDescriptor column) : base(At(path, column)) { }

    /// <summary>Equal to <paramref name="value"/>.</summary>
    public Predicate Exact(TEnum value) => new ComparePredicate<long>(Column, LookupOperator.Exact, ToInt64(value));

    /// <summary>Equal to one of <paramref name="values"/>.</summary>
    public Predicate In(params TEnum[] values) => new InPredicate<long>(Column, Array.ConvertAll(values, ToInt64));

    /// <summary>Equal to one of <paramref name="values"/>.</summary>
    public Predicate In(IEnumerable<TEnum> values) => In(values.ToArray());

    /// <summary>Equal to <paramref name="value"/>.</summary>
    public static Predicate operator ==(EnumField<TEnum> field, TEnum value) => field.Exact(value);

    /// <summary>Not equal to <paramref name="value"/>.</summary>
    public static Predicate operator !=(EnumField<TEnum> field, TEnum value)
        => new ComparePredicate<long>(field.Column, LookupOperator.NotEqual, ToInt64(value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => base.Equals(obj);

    /// <inheritdoc />
    public override int GetHashCode() => base.GetHashCode();

    // Every enum is compared as bigint; PostgreSQL widens the smaller integer column.
    private static long ToInt64(TEnum value) => Unsafe.SizeOf<TEnum>() switch
    {
        1 => Unsafe.As<TEnum, byte>(ref value),
        2 => Unsafe.As<TEnum, short>(ref value),
        4 => Unsafe.As<TEnum, int>(ref value),
        _ => Unsafe.As<TEnum, long>(ref value),
    };
}
