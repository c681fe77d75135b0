using System.Reflection;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;

namespace RelGen.Benchmarks.Infrastructure;

/// <summary>
/// Leaves out the cases whose <c>Rows</c> parameter is above the variant's <see cref="MaxRowsAttribute"/>, or outside
/// <c>RELGEN_BENCH_MIN_ROWS</c>..<c>RELGEN_BENCH_MAX_ROWS</c> when those are set (a quick run of the small sizes only, or
/// the large ones in a run of their own).
/// </summary>
public sealed class MaxRowsFilter : IFilter
{
    public const string EnvironmentVariable = "RELGEN_BENCH_MAX_ROWS";

    public const string MinimumEnvironmentVariable = "RELGEN_BENCH_MIN_ROWS";

    private static readonly int RunLimit = int.TryParse(Environment.GetEnvironmentVariable(EnvironmentVariable), out var limit) ? limit : int.MaxValue;
    private static readonly int RunMinimum = int.TryParse(Environment.GetEnvironmentVariable(MinimumEnvironmentVariable), out var minimum) ? minimum : 0;

    public bool Predicate(BenchmarkCase benchmarkCase)
    {
        if (benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Rows")?.Value is not int rows)
            return true;
        var limit = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<MaxRowsAttribute>();
        return rows >= RunMinimum && rows <= RunLimit && (limit is null || rows <= limit.Rows);
    }

    public static bool Allows(MethodInfo variant, int rows) => variant.GetCustomAttribute<MaxRowsAttribute>() is not { } limit || rows <= limit.Rows;
}
