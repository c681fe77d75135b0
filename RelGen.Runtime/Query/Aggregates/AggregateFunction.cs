namespace RelGen.Query;

/// <summary>The SQL aggregate an <see cref="AggregateCall"/> computes.</summary>
internal enum AggregateFunction
{
    Count = 1,
    Sum,
    Average,
    Min,
    Max,
}
