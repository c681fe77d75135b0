using System.Data;
using Dapper;

namespace RelGen.Query;

/// <summary>
/// Dapper type handlers for <see cref="DateOnly"/> and <see cref="TimeOnly"/> members: Npgsql 8 and 9 read <c>date</c> and
/// <c>time</c> as <see cref="DateTime"/> and <see cref="TimeSpan"/>, which Dapper cannot convert on its own (its own support
/// for them is disabled in some 2.1 releases). Registered once, and only where the application registered none.
/// </summary>
internal static class DapperDateHandlers
{
    private static int _registered;

    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
            return;
        Register(typeof(DateOnly), typeof(DateOnly?), new DateOnlyHandler());
        Register(typeof(TimeOnly), typeof(TimeOnly?), new TimeOnlyHandler());
    }

    private static void Register(Type type, Type nullable, SqlMapper.ITypeHandler handler)
    {
        if (SqlMapper.HasTypeHandler(type))
            return;
        SqlMapper.AddTypeHandler(type, handler);
        SqlMapper.AddTypeHandler(nullable, handler);
    }

    private sealed class DateOnlyHandler : SqlMapper.ITypeHandler
    {
        public object? Parse(Type destinationType, object value) => value switch
        {
            DBNull => null,
            DateOnly date => date,
            DateTime time => DateOnly.FromDateTime(time),
            _ => throw new InvalidCastException($"Cannot read a {value.GetType().Name} as a DateOnly."),
        };

        public void SetValue(IDbDataParameter parameter, object value)
        {
            parameter.DbType = DbType.Date;
            parameter.Value = value;
        }
    }

    private sealed class TimeOnlyHandler : SqlMapper.ITypeHandler
    {
        public object? Parse(Type destinationType, object value) => value switch
        {
            DBNull => null,
            TimeOnly time => time,
            TimeSpan span => TimeOnly.FromTimeSpan(span),
            DateTime moment => TimeOnly.FromDateTime(moment),
            _ => throw new InvalidCastException($"Cannot read a {value.GetType().Name} as a TimeOnly."),
        };

        public void SetValue(IDbDataParameter parameter, object value)
        {
            parameter.DbType = DbType.Time;
            parameter.Value = value;
        }
    }
}
