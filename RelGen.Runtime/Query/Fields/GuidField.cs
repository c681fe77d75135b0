using System.ComponentModel;
using RelGen.Metadata;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// A uuid column: equality lookups.
/// <typeparamref name="TValue"/> is the property's type (<c>Guid</c>, or <c>Guid?</c>).
/// </summary>
public class GuidField<TValue> : SqlExpression<Guid>, IColumnField, ISelectable<TValue>
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public GuidField(RelationPath? path, ColumnDescriptor column) => Column = ColumnRef.Of(path, column);

    internal ColumnRef Column { get; }

    ColumnRef IColumnField.Column => Column;

    SelectTerm<TValue> ISelectable<TValue>.RelGenTerm => new ExpressionTerm<TValue>(this, FieldReader<Guid, TValue>.Read);

    internal override bool IsMultiValued => Column.IsMultiValued;

    internal override ColumnRef? PlainColumn => Column;

    internal override void Write(ShapeWriter writer) => writer.Column(Column);

    /// <summary>Equal to another expression of the row; <c>== null</c> is <c>IsNull()</c>.</summary>
    public static Predicate operator ==(GuidField<TValue> left, SqlExpression<Guid>? right) => Compare(left, LookupOperator.Exact, right);

    /// <summary>Not equal to another expression of the row; <c>!= null</c> is <c>IsNull(false)</c>.</summary>
    public static Predicate operator !=(GuidField<TValue> left, SqlExpression<Guid>? right) => Compare(left, LookupOperator.NotEqual, right);

    /// <summary>Sets the column to <paramref name="value"/> in an <c>UpdateAsync</c>.</summary>
    public Assignment Set(Guid value) => Assignment.Of(Column, value, static (w, v) => w.Parameter(v));

    /// <summary>Sets the column to <paramref name="value"/> (NULL when null) in an <c>UpdateAsync</c>.</summary>
    public Assignment Set(Guid? value) => Assignment.Of(Column, value, static (w, v) => w.Parameter(v));

    /// <summary>Sets the column to another expression of the row in an <c>UpdateAsync</c>.</summary>
    public Assignment Set(SqlExpression<Guid> expression) => Assignment.Of(Column, expression);

    /// <summary>Sets the column to NULL in an <c>UpdateAsync</c> (refused before anything is sent when the column is NOT NULL).</summary>
    public Assignment SetNull() => Assignment.Null(Column);

    /// <inheritdoc />
    public override string ToString() => Column.ToString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => base.Equals(obj);

    /// <inheritdoc />
    public override int GetHashCode() => base.GetHashCode();
}
