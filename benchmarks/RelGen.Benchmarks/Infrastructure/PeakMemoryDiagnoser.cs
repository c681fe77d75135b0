using System.Collections.Concurrent;
using BenchmarkDotNet.Analysers;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Validators;

namespace RelGen.Benchmarks.Infrastructure;

/// <summary>
/// How much the process's resident memory grew at its peak while a case's measured iterations ran: before them the heap is
/// collected aggressively (so the GC gives back what earlier cases left committed) and Linux's peak-RSS mark is reset
/// (<c>/proc/self/clear_refs</c>); after them the peak (<c>VmHWM</c>) less the resident size before is the figure. It counts
/// everything the operation keeps alive at once (rows, buffers, the GC's own head room), so a list of N rows grows with N and
/// a stream should not. Linux only; elsewhere the column stays empty.
/// </summary>
public sealed class PeakMemoryDiagnoser : IDiagnoser
{
    public static readonly PeakMemoryDiagnoser Default = new();

    private readonly ConcurrentDictionary<BenchmarkCase, long> _peaks = new();
    private long _residentBefore;

    private PeakMemoryDiagnoser()
    {
    }

    public IEnumerable<string> Ids => ["PeakMemory"];

    public IEnumerable<IExporter> Exporters => [];

    public IEnumerable<IAnalyser> Analysers => [];

    public static bool IsSupported => OperatingSystem.IsLinux() && File.Exists("/proc/self/clear_refs");

    // Runs beside the measured iterations (their set-up and clean-up included) without adding a run of its own.
    public RunMode GetRunMode(BenchmarkCase benchmarkCase) => IsSupported ? RunMode.NoOverhead : RunMode.None;

    public bool RequiresBlockingAcknowledgments(BenchmarkCase benchmarkCase) => false;

    public void Handle(HostSignal signal, DiagnoserActionParameters parameters)
    {
        if (signal == HostSignal.BeforeActualRun)
        {
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            _residentBefore = ReadStatusKilobytes("VmRSS:");
            File.WriteAllText("/proc/self/clear_refs", "5");   // 5: reset the peak resident set size to the current one
        }
        else if (signal == HostSignal.AfterActualRun)
        {
            _peaks[parameters.BenchmarkCase] = Math.Max(0, ReadStatusKilobytes("VmHWM:") - _residentBefore) * 1024;
        }
    }

    public IEnumerable<Metric> ProcessResults(DiagnoserResults results)
    {
        if (_peaks.TryGetValue(results.BenchmarkCase, out var peak))
            yield return new Metric(PeakMemoryMetric.Instance, peak);
    }

    public void DisplayResults(ILogger logger)
    {
    }

    public IEnumerable<ValidationError> Validate(ValidationParameters validationParameters) => [];

    private static long ReadStatusKilobytes(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
                return long.Parse(line.AsSpan(field.Length).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        throw new InvalidOperationException($"/proc/self/status has no {field} line.");
    }
}
