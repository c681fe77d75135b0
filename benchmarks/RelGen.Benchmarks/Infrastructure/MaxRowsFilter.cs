using System.Reflection;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;

namespace RelGen.Benchmarks.Infrastructure;

/// <summary>
/// Leaves out the cases whose <c>Rows</c> parameter is above the variant's <see cref="MaxRowsAttribute"/>, or above
/// <c>RELGEN_BENCH_MAX_ROWS</c> when that is set (a quick run of the small sizes only).
/// </summary>
public sealed class MaxRowsFilter : IFilter
{
    public const string EnvironmentVariable = "RELGEN_BENCH_MAX_ROWS";

    private static readonly int RunLimit = int.TryParse(Environment.GetEnvironmentVariable(EnvironmentVariable), out var limit) ? limit : int.MaxValue;

    public bool Predicate(BenchmarkCase benchmarkCase)
    {
        if (benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Rows")?.Value is not int rows)
            return true;
        var limit = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<MaxRowsAttribute>();
        return rows <= RunLimit && (limit is null || rows <= limit.Rows);
    }

    public static bool Allows(MethodInfo variant, int rows) => variant.GetCustomAttribute<MaxRowsAttribute>() is not { } limit || rows <= limit.Rows;
}
