using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>A numeric column (<c>short int long float double decimal</c>), or a date part.</summary>
public sealed class NumberField<T> : OrderedField<T> where T : struct
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public NumberField(RelationPath? path, ColumnDescriptor column) : base(path, column) { }

    internal NumberField(ColumnRef column) : base(column) { }
}
