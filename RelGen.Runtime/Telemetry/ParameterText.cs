using System.Collections;
using System.Globalization;
using System.Text;
using Npgsql;

namespace RelGen.Telemetry;

/// <summary>
/// Parameter values as log text, only for <see cref="RelGenDatabase.EnableSensitiveDataLogging"/>: <c>$1='John', $2=42</c>,
/// strings quoted, long values and arrays cut short, binary data as its length.
/// </summary>
internal static class ParameterText
{
    private const int MaxText = 200;
    private const int MaxItems = 10;

    public static string Of(NpgsqlParameterCollection parameters)
    {
        var text = new StringBuilder();
        Append(text, parameters);
        return text.ToString();
    }

    public static string Of(NpgsqlBatch batch)
    {
        var text = new StringBuilder();
        for (var i = 0; i < batch.BatchCommands.Count; i++)
        {
            if (batch.BatchCommands[i].Parameters.Count == 0)
                continue;
            text.Append(text.Length == 0 ? "" : "; ").Append('[').Append(i).Append("] ");
            Append(text, batch.BatchCommands[i].Parameters);
        }
        return text.ToString();
    }

    private static void Append(StringBuilder text, NpgsqlParameterCollection parameters)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            if (i > 0)
                text.Append(", ");
            text.Append(string.IsNullOrEmpty(parameter.ParameterName) ? "$" + (i + 1).ToString(CultureInfo.InvariantCulture) : parameter.ParameterName)
                .Append('=');
            Value(text, parameter.Value);
        }
    }

    private static void Value(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                text.Append("NULL");
                break;
            case string s:
                text.Append('\'').Append(s.Length > MaxText ? s[..MaxText] + "…" : s).Append('\'');
                break;
            case byte[] bytes:
                text.Append('<').Append(bytes.Length).Append(" bytes>");
                break;
            case IEnumerable items and not IFormattable:
                var count = 0;
                text.Append('[');
                foreach (var item in items)
                {
                    if (count == MaxItems)
                    {
                        text.Append(", …");
                        break;
                    }
                    if (count++ > 0)
                        text.Append(", ");
                    Value(text, item);
                }
                text.Append(']');
                break;
            case IFormattable formattable:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                text.Append(value);
                break;
        }
    }
}
