namespace RelGen.Query;

/// <summary>
/// The type an aggregate's result is cast to, so it reads as the C# type the API promises whatever PostgreSQL computed
/// (<c>COUNT</c> is <c>bigint</c> but reads as <c>int</c>; <c>SUM(real)</c> is <c>real</c> but reads as <c>double</c>).
/// </summary>
internal enum AggregateCast
{
    None,
    Integer,
    BigInt,
    Numeric,
    Double,
}
