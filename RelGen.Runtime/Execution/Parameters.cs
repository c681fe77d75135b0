using Npgsql;

namespace RelGen.Execution;

/// <summary>
/// Every value RelGen sends for a column becomes a parameter here: typed, never boxed, never spliced into SQL text, and
/// mapped to what the column stores (<see cref="StoredValues"/>: a date and time as its UTC instant, typed
/// <c>timestamptz</c>, to the microsecond), so saves and lookups agree.
/// </summary>
internal static class Parameters
{
    public static NpgsqlParameter Create<T>(T value)
    {
        var parameter = new NpgsqlParameter<T> { TypedValue = StoredValues.ToStored(value) };
        if (StoredValues.DbTypeOf<T>() is { } type)
            parameter.NpgsqlDbType = type;
        return parameter;
    }
}
