using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>A time-of-day column: equality and order lookups.</summary>
public sealed class TimeField : OrderedField<TimeOnly>
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public TimeField(RelationPath? path, ColumnDescriptor column) : base(path, column) { }
}
