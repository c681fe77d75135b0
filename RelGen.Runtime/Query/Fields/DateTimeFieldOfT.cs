using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>A NOT NULL timestamp column: <c>Select</c> reads it as <typeparamref name="T"/>.</summary>
public sealed class DateTimeField<T> : DateTimeField<T, T> where T : struct
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public DateTimeField(RelationPath? path, ColumnDescriptor column) : base(path, column) { }
}
