using BenchmarkDotNet.Attributes;
using Npgsql;
using RelGen.Benchmarks.Models;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>The floor every read pays: a prepared <c>SELECT $1</c>; RelGen's cheapest call (an EXISTS by key) for reference.</summary>
public class RoundtripFloor : ScenarioBase
{
    [Benchmark(Baseline = true)]
    public async Task<int> Hand()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT $1", connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = 1 });
        await command.PrepareAsync();
        return (int)(await command.ExecuteScalarAsync())!;
    }

    [Benchmark]
    public Task<bool> RelGen() => Reporter.Objects(Db).Filter(r => r.Id == 1).ExistsAsync();
}
