using System.Runtime.CompilerServices;
using NpgsqlTypes;

namespace RelGen.Execution;

/// <summary>
/// The value a column stores, for the types where that differs from the value given. Every path that sends a column's
/// value (parameters of saves, lookups and updates, rows of a binary COPY) maps it here, so a lookup by the value that
/// was saved compares with what the row holds.
/// <list type="bullet">
/// <item><see cref="DateTime"/> goes to a <c>timestamptz</c>, which stores an instant: <c>Utc</c> is sent as it is,
/// <c>Local</c> is converted to UTC (the instant it denotes); <c>Unspecified</c> names no instant and is refused before
/// this point, naming model and member (<c>ValueChecks</c>, <c>LookupValues</c>). <see cref="DateTime.MinValue"/> and
/// <see cref="DateTime.MaxValue"/> of any kind are sent as UTC, which Npgsql writes as <c>-infinity</c> and <c>infinity</c>.</item>
/// <item><see cref="DateTimeOffset"/> goes to a <c>timestamptz</c> as its instant, whatever its offset.</item>
/// <item>PostgreSQL keeps microseconds: <see cref="DateTime"/>, <see cref="DateTimeOffset"/> and <see cref="TimeOnly"/> are
/// truncated to the microsecond (toward the past) here, not by the driver, so every path truncates alike.</item>
/// </list>
/// The <c>typeof</c> tests are constants to the JIT for value types: other types pay nothing.
/// </summary>
internal static class StoredValues
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary>The value the column stores for <paramref name="value"/>.</summary>
    public static T ToStored<T>(T value)
    {
        if (typeof(T) == typeof(DateTime))
        {
            ref var v = ref Unsafe.As<T, DateTime>(ref value);
            v = Instant(v);
        }
        else if (typeof(T) == typeof(DateTime?))
        {
            ref var v = ref Unsafe.As<T, DateTime?>(ref value);
            if (v is { } d)
                v = Instant(d);
        }
        else if (typeof(T) == typeof(DateTimeOffset))
        {
            ref var v = ref Unsafe.As<T, DateTimeOffset>(ref value);
            v = Instant(v);
        }
        else if (typeof(T) == typeof(DateTimeOffset?))
        {
            ref var v = ref Unsafe.As<T, DateTimeOffset?>(ref value);
            if (v is { } d)
                v = Instant(d);
        }
        else if (typeof(T) == typeof(TimeOnly))
        {
            ref var v = ref Unsafe.As<T, TimeOnly>(ref value);
            v = Truncate(v);
        }
        else if (typeof(T) == typeof(TimeOnly?))
        {
            ref var v = ref Unsafe.As<T, TimeOnly?>(ref value);
            if (v is { } t)
                v = Truncate(t);
        }
        else if (value is DateTime[] instants)
        {
            return (T)(object)Array.ConvertAll(instants, Instant);
        }
        else if (value is DateTimeOffset[] offsets)
        {
            return (T)(object)Array.ConvertAll(offsets, Instant);
        }
        else if (value is TimeOnly[] times)
        {
            return (T)(object)Array.ConvertAll(times, Truncate);
        }
        return value;
    }

    /// <summary>The PostgreSQL type a parameter of <typeparamref name="T"/> is given, when RelGen chooses it rather than Npgsql.</summary>
    public static NpgsqlDbType? DbTypeOf<T>()
    {
        if (typeof(T) == typeof(DateTime) || typeof(T) == typeof(DateTime?) || typeof(T) == typeof(DateTimeOffset) || typeof(T) == typeof(DateTimeOffset?))
            return NpgsqlDbType.TimestampTz;
        if (typeof(T) == typeof(DateTime[]) || typeof(T) == typeof(DateTimeOffset[]))
            return NpgsqlDbType.Array | NpgsqlDbType.TimestampTz;
        return null;
    }

    /// <summary>True for a <see cref="DateTime"/> that names no instant: Kind <c>Unspecified</c>, other than the two infinities.</summary>
    public static bool IsUnspecified(DateTime value)
        => value.Kind == DateTimeKind.Unspecified && value != DateTime.MinValue && value != DateTime.MaxValue;

    private static DateTime Instant(DateTime value)
    {
        if (value == DateTime.MinValue || value == DateTime.MaxValue)
            return DateTime.SpecifyKind(value, DateTimeKind.Utc);
        var utc = value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => throw new ArgumentException(
                "A DateTime with Kind=Unspecified names no instant and cannot be stored in a timestamptz column; use DateTimeKind.Utc or Local.", nameof(value)),
        };
        return new DateTime(utc.Ticks - utc.Ticks % TicksPerMicrosecond, DateTimeKind.Utc);
    }

    private static DateTimeOffset Instant(DateTimeOffset value)
    {
        if (value == DateTimeOffset.MinValue || value == DateTimeOffset.MaxValue)
            return value.ToUniversalTime();
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - ticks % TicksPerMicrosecond, TimeSpan.Zero);
    }

    private static TimeOnly Truncate(TimeOnly value) => new(value.Ticks - value.Ticks % TicksPerMicrosecond);
}
