namespace RelGen.Query;

/// <summary>The conflict rule of an upsert: its unique fields, and the fields a clash updates (none: the clash is ignored).</summary>
public sealed class ConflictAction
{
    internal ConflictAction(ConflictTarget target, SqlExpression[]? updateFields)
    {
        Target = target;
        UpdateFields = updateFields;
    }

    internal ConflictTarget Target { get; }

    /// <summary>The fields a clash updates; null when it is ignored.</summary>
    internal SqlExpression[]? UpdateFields { get; }
}
