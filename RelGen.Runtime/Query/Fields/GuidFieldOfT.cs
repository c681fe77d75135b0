using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>A NOT NULL guid column: <c>Select</c> reads it as <c>Guid</c>.</summary>
public sealed class GuidField : GuidField<Guid>
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public GuidField(RelationPath? path, ColumnDescriptor column) : base(path, column) { }
}
