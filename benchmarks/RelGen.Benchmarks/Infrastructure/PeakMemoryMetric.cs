using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;

namespace RelGen.Benchmarks.Infrastructure;

/// <summary>The column <see cref="PeakMemoryDiagnoser"/> fills: bytes, shown in the summary's size unit.</summary>
public sealed class PeakMemoryMetric : IMetricDescriptor
{
    public static readonly PeakMemoryMetric Instance = new();

    public string Id => "PeakMemory";

    public string DisplayName => "Peak RSS Δ";

    public string Legend => "Growth of the process's peak resident memory over its size before the measured iterations (Linux VmHWM)";

    public string NumberFormat => "N0";

    public UnitType UnitType => UnitType.Size;

    public string Unit => "B";

    public bool TheGreaterTheBetter => false;

    public int PriorityInCategory => 0;

    public bool GetIsAvailable(Metric metric) => true;
}
