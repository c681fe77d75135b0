using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>A NOT NULL numeric column, or a date part: <c>Select</c> reads it as <typeparamref name="T"/>.</summary>
public sealed class NumberField<T> : NumberField<T, T> where T : struct
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public NumberField(RelationPath? path, ColumnDescriptor column) : base(path, column) { }

    internal NumberField(ColumnRef column) : base(column) { }
}
