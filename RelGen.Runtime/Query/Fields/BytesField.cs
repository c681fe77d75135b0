using System.ComponentModel;
using RelGen.Metadata;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// A bytea column: <c>Exact</c>, <c>==</c>, <c>!=</c> and <c>IsNull</c>.
/// <typeparamref name="TValue"/> is the property's type (<c>byte[]</c>, or <c>byte[]?</c> for a NULL-able column).
/// </summary>
public class BytesField<TValue> : SqlExpression<byte[]>, IColumnField, ISelectable<TValue>
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public BytesField(RelationPath? path, ColumnDescriptor column) => Column = ColumnRef.Of(path, column);

    internal ColumnRef Column { get; }

    ColumnRef IColumnField.Column => Column;

    SelectTerm<TValue> ISelectable<TValue>.RelGenTerm => new ExpressionTerm<TValue>(this, ValueReader<TValue>.Read);

    internal override bool IsMultiValued => Column.IsMultiValued;

    internal override ColumnRef? PlainColumn => Column;

    internal override void Write(ShapeWriter writer) => writer.Column(Column);

    /// <summary>Sets the column to <paramref name="value"/> in an <c>UpdateAsync</c>.</summary>
    public Assignment Set(byte[]? value) => Assignment.Of(Column, value, static (w, v) => w.Parameter(v));

    /// <summary>Sets the column to NULL in an <c>UpdateAsync</c> (refused before anything is sent when the column is NOT NULL).</summary>
    public Assignment SetNull() => Assignment.Null(Column);

    /// <inheritdoc />
    public override string ToString() => Column.ToString();
}
