using System.ComponentModel;
using System.Data.Common;
using System.Text.Json.Serialization.Metadata;
using RelGen.Metadata;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// A <c>jsonb</c> column (<c>JsonDocument</c>, <c>JsonElement</c>, or an application type marked <c>[Json]</c>): <c>IsNull</c>,
/// and <c>Select</c>, which reads it as <typeparamref name="TValue"/> (deserialised with the column's metadata).
/// </summary>
public sealed class JsonField<TValue> : SqlExpression<TValue>, IColumnField, ISelectable<TValue>
{
    private readonly Func<DbDataReader, int, TValue> _read;

    /// <summary>Used by generated lookups: a <c>JsonDocument</c> or <c>JsonElement</c> column, read by Npgsql.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public JsonField(RelationPath? path, ColumnDescriptor column)
    {
        Column = ColumnRef.Of(path, column);
        _read = ValueReader<TValue>.Read;
    }

    /// <summary>Used by generated lookups: a <c>[Json]</c> column, read with its source-generated metadata.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public JsonField(RelationPath? path, ColumnDescriptor column, JsonTypeInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        Column = ColumnRef.Of(path, column);
        var typed = (JsonTypeInfo<TValue>)(object)info;
        _read = (reader, ordinal) => reader.IsDBNull(ordinal) ? default! : JsonColumn.Read(reader.GetString(ordinal), typed)!;
    }

    internal ColumnRef Column { get; }

    ColumnRef IColumnField.Column => Column;

    SelectTerm<TValue> ISelectable<TValue>.RelGenTerm => new ExpressionTerm<TValue>(this, _read);

    internal override bool IsMultiValued => Column.IsMultiValued;

    internal override ColumnRef? PlainColumn => Column;

    internal override void Write(ShapeWriter writer) => writer.Column(Column);

    /// <summary>Sets the column to NULL in an <c>UpdateAsync</c> (refused before anything is sent when the column is NOT NULL).</summary>
    public Assignment SetNull() => Assignment.Null(Column);

    /// <inheritdoc />
    public override string ToString() => Column.ToString();
}
