namespace RelGen.Benchmarks.EfCore;

/// <summary>A reporter with its article count, as EF Core projects it.</summary>
public sealed class EfReporterCount
{
    public EfReporter Reporter { get; set; } = null!;
    public int Count { get; set; }
}
