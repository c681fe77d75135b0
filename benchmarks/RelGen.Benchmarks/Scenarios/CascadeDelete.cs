using BenchmarkDotNet.Attributes;
using Dapper;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RelGen.Benchmarks.Models;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>
/// Deleting a reporter with 1,000 articles; fresh data for every invocation. Each iteration first vacuums (so every
/// variant starts from the same table), creates one victim per invocation and checkpoints; many iterations, because one delete
/// is short and its time spread is wide.
/// </summary>
[InvocationCount(VictimsPerIteration, 1), IterationCount(15), WarmupCount(2)]
public class CascadeDelete : ScenarioBase
{
    private const int VictimsPerIteration = 8;
    private readonly Queue<Reporter> _victims = new();

    [IterationSetup]
    public void CreateVictims()
    {
        RemoveLeftoverVictims();
        Execute("VACUUM article, reporter");
        _victims.Clear();
        for (var v = 0; v < VictimsPerIteration; v++)
        {
            var victim = new Reporter { FirstName = "Victim", LastName = "Writer", Email = "v@example.com" };
            Db.SaveAsync(victim).GetAwaiter().GetResult();
            var articles = new List<Article>(1000);
            for (var i = 0; i < 1000; i++)
                articles.Add(new Article { Headline = "Victim " + i, PubDate = new DateOnly(2024, 1, 1), Reporter = victim });
            Db.BulkCreateAsync(articles).GetAwaiter().GetResult();
            _victims.Enqueue(victim);
        }
        // Write the new rows out now, so the background writers stay quiet while the deletes are timed.
        Execute("CHECKPOINT");
    }

    private Reporter NextVictim() => _victims.Dequeue();

    /// <summary>
    /// BenchmarkDotNet's jitting and diagnoser runs call an iteration's set-up but fewer invocations: drop the victims they
    /// left (the foreign key's cascade takes their articles), so later scenarios see only the seeded rows.
    /// </summary>
    [IterationCleanup]
    public void RemoveLeftoverVictims() => Execute("DELETE FROM reporter WHERE first_name = 'Victim'");

    protected override void CleanupScenario() => RemoveLeftoverVictims();

    [Benchmark(Baseline = true)]
    public async Task<int> Hand()
    {
        // The foreign key's ON DELETE CASCADE removes the articles.
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("DELETE FROM reporter WHERE id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = NextVictim().Id });
        return await command.ExecuteNonQueryAsync();
    }

    [Benchmark]
    public async Task<int> RelGen() => (await Db.DeleteAsync(NextVictim())).Total;

    [Benchmark]
    public async Task<int> Dapper()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteAsync("DELETE FROM reporter WHERE id = @id", new { id = NextVictim().Id });
    }

    [Benchmark]
    public async Task<int> EfCore()
    {
        var id = NextVictim().Id;
        await using var context = Ef.CreateDbContext();
        return await context.Reporters.Where(r => r.Id == id).ExecuteDeleteAsync();
    }
}
