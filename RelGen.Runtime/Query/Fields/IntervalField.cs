using System.ComponentModel;
using RelGen.Metadata;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// A <see cref="TimeSpan"/> column stored as <c>interval</c>: equality and order lookups. <typeparamref name="TValue"/> is the
/// property's type (<c>TimeSpan</c>, or <c>TimeSpan?</c>).
/// </summary>
public class IntervalField<TValue> : OrderedExpression<TimeSpan>, IColumnField, ISelectable<TValue>
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public IntervalField(RelationPath? path, ColumnDescriptor column) => Column = ColumnRef.Of(path, column);

    internal ColumnRef Column { get; }

    ColumnRef IColumnField.Column => Column;

    SelectTerm<TValue> ISelectable<TValue>.RelGenTerm => new ExpressionTerm<TValue>(this, FieldReader<TimeSpan, TValue>.Read);

    internal override bool IsMultiValued => Column.IsMultiValued;

    internal override ColumnRef? PlainColumn => Column;

    internal override void Write(ShapeWriter writer) => writer.Column(Column);

    /// <summary>Equal to another interval expression of the row; <c>== null</c> is <c>IsNull()</c>.</summary>
    public static Predicate operator ==(IntervalField<TValue> left, SqlExpression<TimeSpan>? right) => Compare(left, LookupOperator.Exact, right);

    /// <summary>Not equal to another interval expression of the row; <c>!= null</c> is <c>IsNull(false)</c>.</summary>
    public static Predicate operator !=(IntervalField<TValue> left, SqlExpression<TimeSpan>? right) => Compare(left, LookupOperator.NotEqual, right);

    /// <summary>Sets the column to <paramref name="value"/> in an <c>UpdateAsync</c>.</summary>
    public Assignment Set(TimeSpan value) => Assignment.Of(Column, value, static (w, v) => w.Parameter(v));

    /// <summary>Sets the column to <paramref name="value"/> (NULL when null) in an <c>UpdateAsync</c>.</summary>
    public Assignment Set(TimeSpan? value) => Assignment.Of(Column, value, static (w, v) => w.Parameter(v));

    /// <summary>Sets the column to NULL in an <c>UpdateAsync</c> (refused before anything is sent when the column is NOT NULL).</summary>
    public Assignment SetNull() => Assignment.Null(Column);

    /// <inheritdoc />
    public override string ToString() => Column.ToString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => base.Equals(obj);

    /// <inheritdoc />
    public override int GetHashCode() => base.GetHashCode();
}
