using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>A NOT NULL time-of-day column, or the time of a timestamp: <c>Select</c> reads it as <see cref="TimeOnly"/>.</summary>
public sealed class TimeField : TimeField<TimeOnly>
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public TimeField(RelationPath? path, ColumnDescriptor column) : base(path, column) { }

    internal TimeField(ColumnRef column) : base(column) { }
}
