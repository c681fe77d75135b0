using System.ComponentModel;
using System.Runtime.CompilerServices;
using RelGen.Metadata;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// An enum column, stored as its integer value: equality and order lookups (by the numbers, as the column sorts).
/// <typeparamref name="TValue"/> is the property's type (<typeparamref name="TEnum"/>, or <c>TEnum?</c> for a NULL-able column).
/// </summary>
public class EnumField<TEnum, TValue> : OrderedExpression<TEnum>, IColumnField, ISelectable<TValue> where TEnum : struct, Enum
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public EnumField(RelationPath? path, ColumnDescriptor column) => Column = ColumnRef.Of(path, column);

    internal ColumnRef Column { get; }

    ColumnRef IColumnField.Column => Column;

    SelectTerm<TValue> ISelectable<TValue>.RelGenTerm => new ExpressionTerm<TValue>(this, FieldReader<TEnum, TValue>.Read);

    internal override bool IsMultiValued => Column.IsMultiValued;

    internal override ColumnRef? PlainColumn => Column;

    internal override void Write(ShapeWriter writer) => writer.Column(Column);

    // Every enum is compared as bigint; PostgreSQL widens the smaller integer column.
    internal override void WriteValue(ShapeWriter writer, TEnum value) => writer.Parameter(ToInt64(value));

    internal override void WriteValues(ShapeWriter writer, TEnum[] values) => writer.Parameter(Array.ConvertAll(values, ToInt64));

    /// <summary>Equal to another enum expression of the row; <c>== null</c> is <c>IsNull()</c>.</summary>
    public static Predicate operator ==(EnumField<TEnum, TValue> left, SqlExpression<TEnum>? right) => Compare(left, LookupOperator.Exact, right);

    /// <summary>Not equal to another enum expression of the row; <c>!= null</c> is <c>IsNull(false)</c>.</summary>
    public static Predicate operator !=(EnumField<TEnum, TValue> left, SqlExpression<TEnum>? right) => Compare(left, LookupOperator.NotEqual, right);

    /// <summary>Sets the column to <paramref name="value"/> in an <c>UpdateAsync</c>.</summary>
    public Assignment Set(TEnum value) => Assignment.Of(Column, value, static (w, v) => w.Parameter(ToInt64(v)));

    /// <summary>Sets the column to <paramref name="value"/> (NULL when null) in an <c>UpdateAsync</c>.</summary>
    public Assignment Set(TEnum? value) => Assignment.Of(Column, value, static (w, v) => w.Parameter(v is { } e ? ToInt64(e) : (long?)null));

    /// <summary>Sets the column to NULL in an <c>UpdateAsync</c> (refused before anything is sent when the column is NOT NULL).</summary>
    public Assignment SetNull() => Assignment.Null(Column);

    /// <inheritdoc />
    public override string ToString() => Column.ToString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => base.Equals(obj);

    /// <inheritdoc />
    public override int GetHashCode() => base.GetHashCode();

    internal static long ToInt64(TEnum value) => Unsafe.SizeOf<TEnum>() switch
    {
        1 => Unsafe.As<TEnum, byte>(ref value),
        2 => Unsafe.As<TEnum, short>(ref value),
        4 => Unsafe.As<TEnum, int>(ref value),
        _ => Unsafe.As<TEnum, long>(ref value),
    };
}
