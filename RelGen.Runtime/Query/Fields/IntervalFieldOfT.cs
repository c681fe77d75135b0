using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>A NOT NULL interval column: <c>Select</c> reads it as <see cref="TimeSpan"/>.</summary>
public sealed class IntervalField : IntervalField<TimeSpan>
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public IntervalField(RelationPath? path, ColumnDescriptor column) : base(path, column) { }
}
