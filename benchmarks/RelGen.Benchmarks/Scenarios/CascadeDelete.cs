using BenchmarkDotNet.Attributes;
using Dapper;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RelGen.Benchmarks.Models;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>Deleting a reporter with 1,000 articles; fresh data for every invocation.</summary>
public class CascadeDelete : ScenarioBase
{
    private Reporter _victim = null!;

    [IterationSetup]
    public void CreateVictim()
    {
        _victim = new Reporter { FirstName = "Victim", LastName = "Writer", Email = "v@example.com" };
        Db.SaveAsync(_victim).GetAwaiter().GetResult();
        var articles = new List<Article>(1000);
        for (var i = 0; i < 1000; i++)
            articles.Add(new Article { Headline = "Victim " + i, PubDate = new DateOnly(2024, 1, 1), Reporter = _victim });
        Db.BulkCreateAsync(articles).GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> Hand()
    {
        // The foreign key's ON DELETE CASCADE removes the articles.
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("DELETE FROM reporter WHERE id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _victim.Id });
        return await command.ExecuteNonQueryAsync();
    }

    [Benchmark]
    public async Task<int> RelGen() => (await Db.DeleteAsync(_victim)).Total;

    [Benchmark]
    public async Task<int> Dapper()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteAsync("DELETE FROM reporter WHERE id = @id", new { id = _victim.Id });
    }

    [Benchmark]
    public async Task<int> EfCore()
    {
        await using var context = Ef.CreateDbContext();
        return await context.Reporters.Where(r => r.Id == _victim.Id).ExecuteDeleteAsync();
    }
}
