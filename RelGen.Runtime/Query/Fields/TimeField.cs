using System.ComponentModel;
using RelGen.Metadata;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// A time-of-day column (or the time of a timestamp): equality and order lookups, and its <c>Hour</c>, <c>Minute</c> and
/// <c>Second</c>. <typeparamref name="TValue"/> is the property's type (<c>TimeOnly</c>, or <c>TimeOnly?</c>).
/// </summary>
public class TimeField<TValue> : OrderedExpression<TimeOnly>, IColumnField, ISelectable<TValue>
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public TimeField(RelationPath? path, ColumnDescriptor column) => Column = ColumnRef.Of(path, column);

    internal TimeField(ColumnRef column) => Column = column;

    internal ColumnRef Column { get; }

    ColumnRef IColumnField.Column => Column;

    SelectTerm<TValue> ISelectable<TValue>.RelGenTerm => new ExpressionTerm<TValue>(this, FieldReader<TimeOnly, TValue>.Read);

    internal override bool IsMultiValued => Column.IsMultiValued;

    internal override ColumnRef? PlainColumn => Column.Transform == DateTransform.None ? Column : null;

    internal override void Write(ShapeWriter writer) => writer.Column(Column);

    /// <summary>The hour, 0 to 23.</summary>
    public NumberField<int> Hour => Part(DateTransform.Hour);

    /// <summary>The minute, 0 to 59.</summary>
    public NumberField<int> Minute => Part(DateTransform.Minute);

    /// <summary>The whole seconds, 0 to 59.</summary>
    public NumberField<int> Second => Part(DateTransform.Second);

    /// <summary>Equal to another expression of the row; <c>== null</c> is <c>IsNull()</c>.</summary>
    public static Predicate operator ==(TimeField<TValue> left, SqlExpression<TimeOnly>? right) => Compare(left, LookupOperator.Exact, right);

    /// <summary>Not equal to another expression of the row; <c>!= null</c> is <c>IsNull(false)</c>.</summary>
    public static Predicate operator !=(TimeField<TValue> left, SqlExpression<TimeOnly>? right) => Compare(left, LookupOperator.NotEqual, right);

    /// <summary>Sets the column to <paramref name="value"/> in an <c>UpdateAsync</c>.</summary>
    public Assignment Set(TimeOnly value) => Assignment.Of(Column, value, static (w, v) => w.Parameter(v));

    /// <summary>Sets the column to <paramref name="value"/> (NULL when null) in an <c>UpdateAsync</c>.</summary>
    public Assignment Set(TimeOnly? value) => Assignment.Of(Column, value, static (w, v) => w.Parameter(v));

    /// <summary>Sets the column to another expression of the row in an <c>UpdateAsync</c>.</summary>
    public Assignment Set(SqlExpression<TimeOnly> expression) => Assignment.Of(Column, expression);

    /// <summary>Sets the column to NULL in an <c>UpdateAsync</c> (refused before anything is sent when the column is NOT NULL).</summary>
    public Assignment SetNull() => Assignment.Null(Column);

    private NumberField<int> Part(DateTransform transform) => new(new ColumnRef(Column.Path, Column.Column, transform));

    /// <inheritdoc />
    public override string ToString() => Column.ToString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => base.Equals(obj);

    /// <inheritdoc />
    public override int GetHashCode() => base.GetHashCode();
}
