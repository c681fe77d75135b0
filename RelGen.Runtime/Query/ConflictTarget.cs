namespace RelGen.Query;

/// <summary>The unique fields of an upsert (<see cref="Conflict.On"/>); say what a clash does with <see cref="Ignore"/> or <see cref="Update"/>.</summary>
public sealed class ConflictTarget
{
    internal ConflictTarget(SqlExpression[] fields) => Fields = fields;

    internal SqlExpression[] Fields { get; }

    /// <summary>A clashing object is not inserted; it gets the existing row's key (<c>ON CONFLICT … DO NOTHING</c>).</summary>
    public ConflictAction Ignore() => new(this, null);

    /// <summary>
    /// The existing row gets the clashing object's values of <paramref name="fields"/>, and the object gets the row's key
    /// (<c>ON CONFLICT … DO UPDATE SET field = EXCLUDED.field</c>).
    /// </summary>
    public ConflictAction Update(params SqlExpression[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Length == 0)
            throw new ArgumentException("Update needs the fields to update; use Ignore() to leave existing rows alone.", nameof(fields));
        return new ConflictAction(this, fields);
    }
}
