using System.Buffers;
using System.Runtime.CompilerServices;
using RelGen.Execution;

namespace RelGen.Save;

/// <summary>
/// What makes a value one PostgreSQL cannot take as given, whatever the column: text with a NUL character or a lone UTF-16
/// surrogate (not text, no UTF-8 form), and a <see cref="DateTime"/> of Kind <c>Unspecified</c> (no instant for a
/// <c>timestamptz</c>). Saves (<see cref="ValueChecks{TValue}"/>) and lookups (<c>LookupValues</c>) both refuse them,
/// each naming model and member, before anything is sent.
/// </summary>
internal static class ValueProblems
{
    private static readonly SearchValues<char> Surrogates = SearchValues.Create(SurrogateRange());

    private static char[] SurrogateRange()
    {
        var range = new char[0xE000 - 0xD800];
        for (var i = 0; i < range.Length; i++)
            range[i] = (char)(0xD800 + i);
        return range;
    }

    /// <summary>What is wrong with <paramref name="value"/>, worded to follow "the value", or null when nothing is.</summary>
    public static string? Of<T>(T value)
    {
        if (value is null)
            return null;
        if (typeof(T) == typeof(string))
            return OfText((string)(object)value);
        if (typeof(T) == typeof(DateTime))
            return OfInstant(Unsafe.As<T, DateTime>(ref value));
        if (typeof(T) == typeof(DateTime?))
            return OfInstant(Unsafe.As<T, DateTime?>(ref value).GetValueOrDefault());
        return null;
    }

    /// <summary>The number of Unicode code points, as PostgreSQL's <c>varchar(n)</c> and Django count characters.</summary>
    public static int CountCodePoints(string value)
    {
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                i++;
            count++;
        }
        return count;
    }

    private static string? OfText(string value)
    {
        var nul = value.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
            return $"holds a NUL character (at index {nul}), which PostgreSQL text cannot hold";
        // Most text has no surrogate at all: a vectorized search finds the first one, if any. (Through SearchValues:
        // MemoryExtensions.IndexOfAnyInRange allocated 96 bytes a call here, on every string saved or looked up.)
        var first = value.AsSpan().IndexOfAny(Surrogates);
        if (first < 0)
            return null;
        for (var i = first; i < value.Length; i++)
        {
            var c = value[i];
            if (!char.IsSurrogate(c))
                continue;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            return $"holds a lone UTF-16 surrogate (U+{(int)c:X4} at index {i}), which is not text and has no UTF-8 form";
        }
        return null;
    }

    private static string? OfInstant(DateTime value)
        => StoredValues.IsUnspecified(value)
            ? $"is a DateTime of Kind=Unspecified ({value:O}), which names no instant, and a timestamptz column stores instants; " +
              "give DateTimeKind.Utc (DateTime.UtcNow, DateTime.SpecifyKind(value, DateTimeKind.Utc)) or Local (converted to UTC)"
            : null;
}
