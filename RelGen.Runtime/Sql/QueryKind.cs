namespace RelGen.Sql;

/// <summary>What a compiled query returns.</summary>
internal enum QueryKind
{
    /// <summary>Rows of the model (and of select-related models).</summary>
    Select,
    /// <summary>One number: how many rows the query yields.</summary>
    Count,
    /// <summary>One boolean.</summary>
    Exists,
    /// <summary>The model's keys only (subqueries, delete seeds).</summary>
    Keys,
}
