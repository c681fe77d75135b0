namespace RelGen.Sql;

/// <summary>What a compiled query returns.</summary>
internal enum QueryKind
{
    /// <summary>Rows of the model (and of select-related models).</summary>
    Select,
    /// <summary>
    /// The rows of <c>GetAsync</c> on an unsliced query: as <see cref="Select"/>, but unordered (Django's <c>get()</c>
    /// drops the order too) and limited by RelGen's own constant, written into the text so it costs no parameter.
    /// </summary>
    Get,
    /// <summary>One number: how many rows the query yields.</summary>
    Count,
    /// <summary>One boolean.</summary>
    Exists,
    /// <summary>The model's keys only (subqueries, delete seeds).</summary>
    Keys,
    /// <summary>
    /// A projection (<c>Select</c>): the query's terms, grouped by the plain ones when there are aggregates. Distinct and the
    /// slice apply to the projected rows.
    /// </summary>
    Values,
    /// <summary>
    /// One aggregate of the query's rows (<c>SumAsync</c> and the like): a projection of one term whose distinct and slice
    /// choose the rows aggregated.
    /// </summary>
    Aggregate,
    /// <summary>
    /// The condition choosing the rows of a query-set delete, against the model's table aliased <c>t0</c>: the filters
    /// themselves where they read only the model's own columns and the query is not sliced, else <c>t0.key IN (keys)</c>.
    /// </summary>
    DeleteCondition,
}
