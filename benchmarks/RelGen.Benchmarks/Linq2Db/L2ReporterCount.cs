namespace RelGen.Benchmarks.Linq2Db;

/// <summary>A reporter with its article count, as linq2db projects it.</summary>
public sealed class L2ReporterCount
{
    public L2Reporter Reporter { get; set; } = null!;
    public int Count { get; set; }
}
