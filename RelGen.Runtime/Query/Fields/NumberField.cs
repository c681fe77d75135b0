using System.ComponentModel;
using RelGen.Metadata;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// A numeric column (<c>short int long float double decimal</c>), or a date part. <typeparamref name="TValue"/> is the
/// property's type, <typeparamref name="T"/> or <c>T?</c> for a NULL-able column: what <c>Select</c> reads it as.
/// </summary>
public class NumberField<T, TValue> : NumberExpression<T>, IColumnField, ISelectable<TValue> where T : struct
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public NumberField(RelationPath? path, ColumnDescriptor column) : this(ColumnRef.Of(path, column)) { }

    internal NumberField(ColumnRef column) => Column = column;

    internal ColumnRef Column { get; }

    ColumnRef IColumnField.Column => Column;

    SelectTerm<TValue> ISelectable<TValue>.RelGenTerm => new ExpressionTerm<TValue>(this, FieldReader<T, TValue>.Read);

    internal override bool IsMultiValued => Column.IsMultiValued;

    internal override ColumnRef? PlainColumn => Column.Transform == DateTransform.None ? Column : null;

    internal override void Write(ShapeWriter writer) => writer.Column(Column);

    /// <summary>Sets the column to <paramref name="value"/> in an <c>UpdateAsync</c>.</summary>
    public Assignment Set(T value) => Assignment.Of(Column, value, static (w, v) => w.Parameter(v));

    /// <summary>Sets the column to <paramref name="value"/> (NULL when null) in an <c>UpdateAsync</c>.</summary>
    public Assignment Set(T? value) => Assignment.Of(Column, value, static (w, v) => w.Parameter(v));

    /// <summary>Sets the column to an expression over the row's own fields in an <c>UpdateAsync</c> (<c>a.Views.Set(a.Views + 1)</c>).</summary>
    public Assignment Set(NumberExpression<T> expression) => Assignment.Of(Column, expression);

    /// <summary>Sets the column to NULL in an <c>UpdateAsync</c> (refused before anything is sent when the column is NOT NULL).</summary>
    public Assignment SetNull() => Assignment.Null(Column);

    /// <inheritdoc />
    public override string ToString() => Column.ToString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => base.Equals(obj);

    /// <inheritdoc />
    public override int GetHashCode() => base.GetHashCode();
}
