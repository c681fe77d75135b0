using RelGen.Metadata;

namespace RelGen.Save;

/// <summary>
/// The checks a value passes before it is sent: NULL in a NOT NULL column, and text PostgreSQL would refuse or count
/// differently (a NUL character, a lone surrogate, more characters than <c>[MaxLength]</c> — counted as PostgreSQL's
/// <c>varchar(n)</c> and Django count them, in Unicode code points, not UTF-16 units), and <c>[EmailAddress]</c>.
/// </summary>
internal static class ValueChecks<TValue>
{
    public static void Check(ColumnDescriptor column, TValue value)
    {
        if (value is null)
        {
            if (!column.IsNullable)
                throw new ModelValidationException(column.Model.Name, column.Property, "the column is NOT NULL but the value is null.");
            return;
        }
        if (typeof(TValue) == typeof(string))
            Text(column, (string)(object)value);
    }

    private static void Text(ColumnDescriptor column, string value)
    {
        if (value.Contains('\0', StringComparison.Ordinal))
            throw new ModelValidationException(column.Model.Name, column.Property, "the value holds a NUL character, which PostgreSQL text cannot store.");
        var characters = TextChecks.CountCodePoints(value, out var loneSurrogateAt);
        if (loneSurrogateAt >= 0)
            throw new ModelValidationException(column.Model.Name, column.Property,
                $"the value holds a lone UTF-16 surrogate at index {loneSurrogateAt}, which is not text and cannot be encoded as UTF-8.");
        if (column.MaxLength > 0 && characters > column.MaxLength)
            throw new ModelValidationException(column.Model.Name, column.Property,
                $"the value has {characters} characters; [MaxLength({column.MaxLength})] allows at most {column.MaxLength}.");
        if ((column.Flags & ColumnFlags.EmailAddress) != 0 && !EmailAddresses.IsValid(value))
            throw new ModelValidationException(column.Model.Name, column.Property, EmailAddresses.Problem);
    }
}

/// <summary>Text measurements shared by value and lookup checks.</summary>
internal static class TextChecks
{
    /// <summary>The number of Unicode code points; <paramref name="loneSurrogateAt"/> is the index of the first unpaired surrogate, or -1.</summary>
    public static int CountCodePoints(string value, out int loneSurrogateAt)
    {
        loneSurrogateAt = -1;
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                i++;
            else if (char.IsSurrogate(c) && loneSurrogateAt < 0)
                loneSurrogateAt = i;
            count++;
        }
        return count;
    }
}
