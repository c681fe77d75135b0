namespace RelGen.Query;

/// <summary>
/// A part of a date, timestamp or time compared or selected instead of the value (Django's transforms). Timestamps with a
/// time zone are split in UTC, the zone their <c>DateTime</c> values come back in.
/// </summary>
internal enum DateTransform
{
    None,
    Year,
    Month,
    Day,
    /// <summary>The date of a timestamp.</summary>
    Date,
    /// <summary>The time of day of a timestamp.</summary>
    Time,
    Hour,
    Minute,
    /// <summary>Whole seconds, 0 to 59.</summary>
    Second,
    /// <summary>The ISO-8601 week number, 1 to 53.</summary>
    Week,
    /// <summary>Django's <c>week_day</c>: 1 (Sunday) to 7 (Saturday).</summary>
    WeekDay,
    /// <summary>1 (Monday) to 7 (Sunday).</summary>
    IsoWeekDay,
    Quarter,
    /// <summary>The ISO-8601 week-numbering year.</summary>
    IsoYear,
}
