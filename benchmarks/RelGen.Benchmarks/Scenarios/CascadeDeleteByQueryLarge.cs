using BenchmarkDotNet.Attributes;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>Cascade delete by query set at 100,000 and 1,000,000 articles: one victim set per iteration, one warm-up and three iterations whatever the job (each takes tens of seconds with its set-up).</summary>
[InvocationCount(1, 1), WarmupCount(1), IterationCount(3)]
public class CascadeDeleteByQueryLarge : DeleteByQueryScenario
{
    [Params(100_000, 1_000_000)]
    public override int Rows { get; set; }

    protected override int SetsPerIteration => 1;
}
