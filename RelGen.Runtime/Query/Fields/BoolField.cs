using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>A boolean column: equality lookups only.</summary>
public sealed class BoolField : ValueField<bool>
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public BoolField(RelationPath? path, ColumnDescriptor column) : base(path, column) { }
}
