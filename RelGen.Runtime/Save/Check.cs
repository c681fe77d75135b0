using System.ComponentModel;

namespace RelGen.Save;

/// <summary>Value checks the generated <c>PrepareSave</c> calls; the throws live here, off the hot path.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Check
{
    public static void String(string? value, string model, string property, int maxLength, bool nullable)
    {
        if (value is null)
        {
            if (!nullable)
                ThrowNull(model, property);
            return;
        }
        if (maxLength > 0 && value.Length > maxLength)
            ThrowTooLong(model, property, maxLength, value.Length);
        if (value.Contains('\0', StringComparison.Ordinal))
            throw new ModelValidationException(model, property, "the value holds a NUL character, which PostgreSQL text cannot store.");
    }

    public static void NotNull(object? value, string model, string property)
    {
        if (value is null)
            ThrowNull(model, property);
    }

    public static void ThrowNull(string model, string property)
        => throw new ModelValidationException(model, property, "the column is NOT NULL but the value is null.");

    public static void ThrowRelationNotSet(string model, string property)
        => throw new ModelValidationException(model, property, "the relation is required (NOT NULL) but is not set.");

    public static void ThrowUnsavedRelated(string model, string property, object related)
        => throw new InvalidOperationException($"Cannot save {model}: its relation {model}.{property} points at an unsaved {related.GetType().Name} ('{related}'). Save that object first.");

    private static void ThrowTooLong(string model, string property, int maxLength, int length)
        => throw new ModelValidationException(model, property, $"the value has {length} characters; [MaxLength({maxLength})] allows at most {maxLength}.");
}
