namespace RelGen.Query;

/// <summary>The comparison a field condition makes (Django's lookup names).</summary>
internal enum LookupOperator
{
    Exact,
    IExact,
    Contains,
    IContains,
    StartsWith,
    IStartsWith,
    EndsWith,
    IEndsWith,
    Gt,
    Gte,
    Lt,
    Lte,
    Regex,
    IRegex,
    NotEqual,
    ArrayContains,
    ArrayContainedBy,
    ArrayOverlaps,
}
