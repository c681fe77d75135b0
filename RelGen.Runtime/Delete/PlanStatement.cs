namespace RelGen.Delete;

/// <summary>One statement of a by-key cascade batch; <see cref="Counts"/> is the index in <see cref="CascadePlan.Deleted"/> whose count its row count is, or -1.</summary>
internal readonly record struct PlanStatement(string Sql, int Counts);
