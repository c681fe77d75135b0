using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>A NOT NULL bytes column: <c>Select</c> reads it as <c>byte[]</c>.</summary>
public sealed class BytesField : BytesField<byte[]>
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public BytesField(RelationPath? path, ColumnDescriptor column) : base(path, column) { }
}
