using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>A NOT NULL date column, or the date of a timestamp: <c>Select</c> reads it as <typeparamref name="T"/>.</summary>
public sealed class DateField<T> : DateField<T, T> where T : struct
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public DateField(RelationPath? path, ColumnDescriptor column) : base(path, column) { }

    internal DateField(ColumnRef column) : base(column) { }
}
