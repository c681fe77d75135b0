using System.Text;
using RelGen.Metadata;
using RelGen.Query;

namespace RelGen.Sql;

/// <summary>
/// The SQL of a column, or of one of its parts (Django's date and time transforms). A <c>timestamp with time zone</c> is split
/// in UTC, the zone its <c>DateTime</c> values are read in, so the result does not depend on the session's time zone.
/// </summary>
internal static class DateParts
{
    public static void Append(StringBuilder sql, string alias, ColumnDescriptor column, DateTransform transform)
    {
        if (transform == DateTransform.None)
        {
            sql.Append(alias).Append('.').Append(column.QuotedName);
            return;
        }
        var source = alias + "." + column.QuotedName;
        if (column.SqlType.Contains("with time zone", StringComparison.Ordinal))
            source = "(" + source + " AT TIME ZONE 'UTC')";
        switch (transform)
        {
            case DateTransform.Date:
                sql.Append("CAST(").Append(source).Append(" AS date)");
                return;
            case DateTransform.Time:
                sql.Append("CAST(").Append(source).Append(" AS time)");
                return;
            case DateTransform.Second:
                // EXTRACT gives fractional seconds; a cast would round 59.9 up to 60.
                sql.Append("CAST(FLOOR(EXTRACT(SECOND FROM ").Append(source).Append(")) AS integer)");
                return;
            case DateTransform.WeekDay:
                // Django's week_day counts from Sunday = 1; PostgreSQL's DOW from Sunday = 0.
                sql.Append("(CAST(EXTRACT(DOW FROM ").Append(source).Append(") AS integer) + 1)");
                return;
        }
        var part = transform switch
        {
            DateTransform.Year => "YEAR",
            DateTransform.Month => "MONTH",
            DateTransform.Day => "DAY",
            DateTransform.Hour => "HOUR",
            DateTransform.Minute => "MINUTE",
            DateTransform.Week => "WEEK",
            DateTransform.IsoWeekDay => "ISODOW",
            DateTransform.Quarter => "QUARTER",
            DateTransform.IsoYear => "ISOYEAR",
            _ => throw new InvalidOperationException($"Unexpected transform {transform}."),
        };
        sql.Append("CAST(EXTRACT(").Append(part).Append(" FROM ").Append(source).Append(") AS integer)");
    }
}
