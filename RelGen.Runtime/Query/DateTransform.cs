namespace RelGen.Query;

/// <summary>A part extracted from a date before comparing.</summary>
internal enum DateTransform
{
    None,
    Year,
    Month,
    Day,
}
