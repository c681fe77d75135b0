namespace RelGen.Delete;

/// <summary>
/// One statement of a cascade batch. <see cref="Counts"/> says where its counts come from: the index in
/// <see cref="CascadePlan.Deleted"/> whose count its command tag is, <see cref="None"/>, or <see cref="AllInRow"/>.
/// </summary>
internal readonly record struct PlanStatement(string Sql, int Counts)
{
    /// <summary>The statement counts nothing (the lock).</summary>
    public const int None = -1;

    /// <summary>The statement returns one row holding every deleted model's count, in <see cref="CascadePlan.Deleted"/> order.</summary>
    public const int AllInRow = -2;
}
