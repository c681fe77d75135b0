using BenchmarkDotNet.Attributes;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>Cascade delete by key, 1,000 articles (the scenario's historical size): eight victims per iteration over 15 iterations, because one delete is short and its time spread is wide.</summary>
[InvocationCount(8, 1), IterationCount(15), WarmupCount(2)]
public class CascadeDelete : DeleteByKeyScenario
{
    [Params(1_000)]
    public override int Rows { get; set; }

    protected override int SetsPerIteration => 8;
}
