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
            command.Parameters.Add(new NpgsqlParameter { Value = ValueOf(value) });
        return command;
    }

    /// <summary>A NULL for null; an enum as the integer RelGen stores it as; anything else as Npgsql maps it.</summary>
    private static object ValueOf(object? value) => value switch
    {
        null => DBNull.Value,
        Enum e => Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), CultureInfo.InvariantCulture),
        _ => value,
    };
}
