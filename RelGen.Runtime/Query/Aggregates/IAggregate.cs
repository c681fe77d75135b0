namespace RelGen.Query;

/// <summary>An expression that is an aggregate: it cannot be aggregated again.</summary>
internal interface IAggregate
{
    AggregateCall Call { get; }
}
