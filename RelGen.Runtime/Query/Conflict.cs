namespace RelGen.Query;

/// <summary>
/// What <c>BulkCreateAsync</c> does with a row that clashes with an existing one (PostgreSQL's <c>INSERT … ON CONFLICT</c>,
/// Django's <c>bulk_create(ignore_conflicts=…, update_conflicts=…)</c>):
/// <c>a =&gt; Conflict.On(a.Headline).Ignore()</c> or <c>a =&gt; Conflict.On(a.Headline).Update(a.PubDate, a.Views)</c>.
/// </summary>
public static class Conflict
{
    /// <summary>
    /// The fields of the model whose values clash: exactly the columns of one unique constraint or unique index (or the key).
    /// </summary>
    public static ConflictTarget On(params SqlExpression[] uniqueFields)
    {
        ArgumentNullException.ThrowIfNull(uniqueFields);
        if (uniqueFields.Length == 0)
            throw new ArgumentException("Conflict.On needs the fields of a unique constraint.", nameof(uniqueFields));
        return new ConflictTarget(uniqueFields);
    }
}
