using System.ComponentModel;
using RelGen.Metadata;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>A date or timestamp column: order lookups, comparisons with other date fields, and the <c>Year</c>, <c>Month</c> and <c>Day</c> parts as number fields.</summary>
public sealed class DateField<T> : OrderedExpression<T>, IColumnField where T : struct
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public DateField(RelationPath? path, ColumnDescriptor column) => Column = new ColumnRef(path, column);

    internal ColumnRef Column { get; }

    ColumnRef IColumnField.Column => Column;

    internal override bool IsMultiValued => Column.IsMultiValued;

    internal override ColumnRef? PlainColumn => Column;

    internal override void Write(ShapeWriter writer) => writer.Column(Column);

    /// <summary>The year.</summary>
    public NumberField<int> Year => Part(DateTransform.Year);

    /// <summary>The month, 1 to 12.</summary>
    public NumberField<int> Month => Part(DateTransform.Month);

    /// <summary>The day of the month.</summary>
    public NumberField<int> Day => Part(DateTransform.Day);

    /// <summary>Equal to another date expression, row by row; <c>== null</c> is <c>IsNull()</c>.</summary>
    public static Predicate operator ==(DateField<T> left, SqlExpression<T>? right) => Compare(left, LookupOperator.Exact, right);

    /// <summary>Not equal to another date expression, row by row; <c>!= null</c> is <c>IsNull(false)</c>.</summary>
    public static Predicate operator !=(DateField<T> left, SqlExpression<T>? right) => Compare(left, LookupOperator.NotEqual, right);

    /// <summary>Sets the column to <paramref name="value"/> in an <c>UpdateAsync</c>.</summary>
    public Assignment Set(T value) => Assignment.Of(Column, value, static (w, v) => w.Parameter(v));

    /// <summary>Sets the column to <paramref name="value"/> (NULL when null) in an <c>UpdateAsync</c>.</summary>
    public Assignment Set(T? value) => Assignment.Of(Column, value, static (w, v) => w.Parameter(v));

    /// <summary>Sets the column to another date expression of the row in an <c>UpdateAsync</c>.</summary>
    public Assignment Set(SqlExpression<T> expression) => Assignment.Of(Column, expression);

    private NumberField<int> Part(DateTransform transform) => new(new ColumnRef(Column.Path, Column.Column, transform));

    /// <summary>Sets the column to NULL in an <c>UpdateAsync</c> (refused before anything is sent when the column is NOT NULL).</summary>
    public Assignment SetNull() => Assignment.Null(Column);

    /// <inheritdoc />
    public override string ToString() => Column.ToString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => base.Equals(obj);

    /// <inheritdoc />
    public override int GetHashCode() => base.GetHashCode();
}
