using System.Reflection;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;

namespace RelGen.Benchmarks.Infrastructure;

/// <summary>Leaves out the cases whose <c>Rows</c> parameter is above the variant's <see cref="MaxRowsAttribute"/>.</summary>
public sealed class MaxRowsFilter : IFilter
{
    public bool Predicate(BenchmarkCase benchmarkCase)
    {
        var limit = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<MaxRowsAttribute>();
        if (limit is null)
            return true;
        var rows = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Rows");
        return rows?.Value is not int value || value <= limit.Rows;
    }

    public static bool Allows(MethodInfo variant, int rows) => variant.GetCustomAttribute<MaxRowsAttribute>() is not { } limit || rows <= limit.Rows;
}
