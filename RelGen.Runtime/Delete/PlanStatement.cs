namespace RelGen.Delete;

/// <summary>
/// One statement of a cascade batch. <see cref="Counts"/> is the index in <see cref="CascadePlan.Deleted"/> whose count its
/// command tag is, <see cref="None"/> (a lock, an update) or <see cref="Counters"/>; <see cref="Binds"/> says whether it takes the batch's parameters.
/// </summary>
internal readonly record struct PlanStatement(string Sql, int Counts, bool Binds)
{
    /// <summary>The statement counts nothing.</summary>
    public const int None = -1;

    /// <summary>The statement reads the deleted tables' counters of this transaction (see <see cref="CascadePlan.CountedByKeyStatements"/>).</summary>
    public const int Counters = -2;
}
