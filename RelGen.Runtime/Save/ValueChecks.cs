using RelGen.Metadata;

namespace RelGen.Save;

/// <summary>
/// The checks a value passes before it is saved: NULL in a NOT NULL column, more characters than <c>[MaxLength]</c> —
/// counted as PostgreSQL's <c>varchar(n)</c> and Django count them, in Unicode code points, not UTF-16 units — and
/// what no column can take (<see cref="ValueProblems"/>), and <c>[EmailAddress]</c>.
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
        if (ValueProblems.Of(value) is { } problem)
            throw new ModelValidationException(column.Model.Name, column.Property, "the value " + problem + ".");
        if (typeof(TValue) == typeof(string))
        {
            if (column.MaxLength > 0)
                Length(column, (string)(object)value);
            if ((column.Flags & ColumnFlags.EmailAddress) != 0 && !EmailAddresses.IsValid((string)(object)value))
                throw new ModelValidationException(column.Model.Name, column.Property, EmailAddresses.Problem);
        }
    }

    private static void Length(ColumnDescriptor column, string value)
    {
        // A code point is one or two UTF-16 units: only a string longer than the limit in units can be too long.
        if (value.Length <= column.MaxLength)
            return;
        var characters = ValueProblems.CountCodePoints(value);
        if (characters > column.MaxLength)
            throw new ModelValidationException(column.Model.Name, column.Property,
                $"the value has {characters} characters; [MaxLength({column.MaxLength})] allows at most {column.MaxLength}.");
    }
}
