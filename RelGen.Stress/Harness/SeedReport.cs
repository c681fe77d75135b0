using RelGen.Stress.Checks;
using RelGen.Stress.Workload;

namespace RelGen.Stress.Harness;

/// <summary>The figures of one seed.</summary>
internal sealed record SeedReport(int Seed, StressOptions Options, Ledger Ledger, Findings Findings, int Kills, int Restarts, TimeSpan Elapsed)
{
    public int Operations => Ledger.Operations.Count;
    public int Acknowledged => Ledger.Operations.Values.Count(o => o.Outcome == Outcome.Acknowledged);
    public int Failed => Ledger.Operations.Values.Count(o => o.Outcome == Outcome.Failed);
    public int Uncertain => Ledger.Operations.Values.Count(o => o.Outcome == Outcome.Uncertain);
    public int Untyped => Ledger.Untyped.Count;

    public bool Clean => Findings.Lost.Count == 0 && Findings.Ghosts.Count == 0 && Findings.Partial.Count == 0
        && Findings.Miscounted.Count == 0 && Findings.Leaks.Count == 0 && Untyped == 0;
}
