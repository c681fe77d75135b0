using System.Globalization;
using Npgsql;

namespace RelGen.Execution;

/// <summary>
/// Raw SQL from an interpolated string: every hole becomes a placeholder (<c>$1</c>, <c>$2</c>, …) and its value a parameter,
/// so no value is ever part of the text.
/// </summary>
internal static class RawCommand
{
    public static NpgsqlCommand Create(RelGenDatabase database, in ConnectionLease lease, FormattableString sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var placeholders = new object[sql.ArgumentCount];
        for (var i = 0; i < placeholders.Length; i++)
            placeholders[i] = "$" + (i + 1).ToString(CultureInfo.InvariantCulture);
        var command = database.CreateCommand(lease, string.Format(CultureInfo.InvariantCulture, sql.Format, placeholders));
        foreach (var value in sql.GetArguments())
            command.Parameters.Add(ParameterOf(value));
        return command;
    }

    /// <summary>
    /// A NULL for null; an enum as the integer RelGen stores it as; an instant (a Utc or Local <see cref="DateTime"/>, a
    /// <see cref="DateTimeOffset"/>) as RelGen's saves and lookups send it, UTC and truncated to the microsecond, typed
    /// <c>timestamptz</c>, so the session's zone never moves it and a raw lookup by a saved value finds its row; anything
    /// else (an Unspecified <see cref="DateTime"/> too, which raw SQL may compare with a <c>timestamp</c> column) as Npgsql
    /// maps it.
    /// </summary>
    private static NpgsqlParameter ParameterOf(object? value) => value switch
    {
        null => new NpgsqlParameter { Value = DBNull.Value },
        Enum e => new NpgsqlParameter { Value = Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), CultureInfo.InvariantCulture) },
        DateTime { Kind: not DateTimeKind.Unspecified } instant
            => new NpgsqlParameter<DateTime> { TypedValue = StoredValues.ToStored(instant), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz },
        DateTimeOffset instant
            => new NpgsqlParameter<DateTimeOffset> { TypedValue = StoredValues.ToStored(instant), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz },
        _ => new NpgsqlParameter { Value = value },
    };
}
