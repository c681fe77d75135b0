using System.ComponentModel;
using RelGen.Metadata;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// A date or timestamp column: order lookups, comparisons with other date fields, and its parts (<c>Year</c>, <c>Month</c>,
/// <c>Day</c>, <c>Week</c>, <c>WeekDay</c>, <c>IsoWeekDay</c>, <c>Quarter</c>, <c>IsoYear</c>) as number fields.
/// <typeparamref name="TValue"/> is the property's type (<typeparamref name="T"/>, or <c>T?</c> for a NULL-able column).
/// </summary>
public class DateField<T, TValue> : OrderedExpression<T>, IColumnField, ISelectable<TValue> where T : struct
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public DateField(RelationPath? path, ColumnDescriptor column) => Column = ColumnRef.Of(path, column);

    internal DateField(ColumnRef column) => Column = column;

    internal ColumnRef Column { get; }

    ColumnRef IColumnField.Column => Column;

    SelectTerm<TValue> ISelectable<TValue>.RelGenTerm => new ExpressionTerm<TValue>(this, FieldReader<T, TValue>.Read);

    internal override bool IsMultiValued => Column.IsMultiValued;

    internal override ColumnRef? PlainColumn => Column.Transform == DateTransform.None ? Column : null;

    internal override void Write(ShapeWriter writer) => writer.Column(Column);

    /// <summary>The year.</summary>
    public NumberField<int> Year => Part(DateTransform.Year);

    /// <summary>The month, 1 to 12.</summary>
    public NumberField<int> Month => Part(DateTransform.Month);

    /// <summary>The day of the month.</summary>
    public NumberField<int> Day => Part(DateTransform.Day);

    /// <summary>The ISO-8601 week number, 1 to 53 (Django's <c>week</c>).</summary>
    public NumberField<int> Week => Part(DateTransform.Week);

    /// <summary>The day of the week, 1 (Sunday) to 7 (Saturday) (Django's <c>week_day</c>).</summary>
    public NumberField<int> WeekDay => Part(DateTransform.WeekDay);

    /// <summary>The ISO-8601 day of the week, 1 (Monday) to 7 (Sunday) (Django's <c>iso_week_day</c>).</summary>
    public NumberField<int> IsoWeekDay => Part(DateTransform.IsoWeekDay);

    /// <summary>The quarter of the year, 1 to 4.</summary>
    public NumberField<int> Quarter => Part(DateTransform.Quarter);

    /// <summary>The ISO-8601 week-numbering year (Django's <c>iso_year</c>).</summary>
    public NumberField<int> IsoYear => Part(DateTransform.IsoYear);

    /// <summary>Equal to another date expression, row by row; <c>== null</c> is <c>IsNull()</c>.</summary>
    public static Predicate operator ==(DateField<T, TValue> left, SqlExpression<T>? right) => Compare(left, LookupOperator.Exact, right);

    /// <summary>Not equal to another date expression, row by row; <c>!= null</c> is <c>IsNull(false)</c>.</summary>
    public static Predicate operator !=(DateField<T, TValue> left, SqlExpression<T>? right) => Compare(left, LookupOperator.NotEqual, right);

    /// <summary>Sets the column to <paramref name="value"/> in an <c>UpdateAsync</c>.</summary>
    public Assignment Set(T value) => Assignment.Of(Column, value, static (w, v) => w.Parameter(v));

    /// <summary>Sets the column to <paramref name="value"/> (NULL when null) in an <c>UpdateAsync</c>.</summary>
    public Assignment Set(T? value) => Assignment.Of(Column, value, static (w, v) => w.Parameter(v));

    /// <summary>Sets the column to another date expression of the row in an <c>UpdateAsync</c>.</summary>
    public Assignment Set(SqlExpression<T> expression) => Assignment.Of(Column, expression);

    /// <summary>A part of the value; a part of a timestamp's date or time is the same part of the timestamp.</summary>
    private protected NumberField<int> Part(DateTransform transform) => new(new ColumnRef(Column.Path, Column.Column, transform));

    /// <summary>Sets the column to NULL in an <c>UpdateAsync</c> (refused before anything is sent when the column is NOT NULL).</summary>
    public Assignment SetNull() => Assignment.Null(Column);

    /// <inheritdoc />
    public override string ToString() => Column.ToString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => base.Equals(obj);

    /// <inheritdoc />
    public override int GetHashCode() => base.GetHashCode();
}
