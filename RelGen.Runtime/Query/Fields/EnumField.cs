using System.Runtime.CompilerServices;

namespace RelGen.Query;

/// <summary>An enum column, stored as its integer value: equality lookups.</summary>
public sealed class EnumField<TEnum> : Field where TEnum : struct, Enum
{
    public EnumField(ColumnRef column) : base(column) { }

    public Predicate Exact(TEnum value) => new ComparePredicate<long>(Column, LookupOperator.Exact, ToInt64(value));

    public Predicate In(params TEnum[] values) => new InPredicate<long>(Column, Array.ConvertAll(values, ToInt64));

    public Predicate In(IEnumerable<TEnum> values) => In(values.ToArray());

    public static Predicate operator ==(EnumField<TEnum> field, TEnum value) => field.Exact(value);

    public static Predicate operator !=(EnumField<TEnum> field, TEnum value)
        => new ComparePredicate<long>(field.Column, LookupOperator.NotEqual, ToInt64(value));

    public override bool Equals(object? obj) => base.Equals(obj);

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
