using BenchmarkDotNet.Attributes;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>Cascade delete by query set, 100 reporters with 1,000 articles: eight victim sets per iteration over 15 iterations.</summary>
[InvocationCount(8, 1), IterationCount(15), WarmupCount(2)]
public class CascadeDeleteByQuery : DeleteByQueryScenario
{
    [Params(1_000)]
    public override int Rows { get; set; }

    protected override int SetsPerIteration => 8;
}
