using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>A uuid column: equality lookups only.</summary>
public sealed class GuidField : ValueField<Guid>
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public GuidField(RelationPath? path, ColumnDescriptor column) : base(path, column) { }
}
