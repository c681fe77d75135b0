using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>A NOT NULL bool column: <c>Select</c> reads it as <c>bool</c>.</summary>
public sealed class BoolField : BoolField<bool>
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public BoolField(RelationPath? path, ColumnDescriptor column) : base(path, column) { }
}
