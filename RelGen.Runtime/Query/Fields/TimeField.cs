namespace RelGen.Query;

/// <summary>A time-of-day column: equality and order lookups.</summary>
public sealed class TimeField : OrderedField<TimeOnly>
{
    public TimeField(ColumnRef column) : base(column) { }
}
