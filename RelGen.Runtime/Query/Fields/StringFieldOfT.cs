using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>A NOT NULL string column: <c>Select</c> reads it as <c>string</c>.</summary>
public sealed class StringField : StringField<string>
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public StringField(RelationPath? path, ColumnDescriptor column) : base(path, column) { }
}
