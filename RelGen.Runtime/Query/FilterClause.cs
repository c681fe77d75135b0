namespace RelGen.Query;

/// <summary>One <c>Filter</c> or <c>Exclude</c> call. Multi-valued paths join once per clause (Django's rule).</summary>
internal readonly record struct FilterClause(Predicate Predicate, bool Exclude);
