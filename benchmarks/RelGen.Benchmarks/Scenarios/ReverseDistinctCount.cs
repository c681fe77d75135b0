using BenchmarkDotNet.Attributes;
using Dapper;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RelGen.Benchmarks.EfCore;
using RelGen.Benchmarks.Models;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>How many reporters have an article whose headline starts with a prefix: a reverse join, distinct, counted.</summary>
public class ReverseDistinctCount : ScenarioBase
{
    private const string Sql = "SELECT COUNT(DISTINCT r.id) FROM reporter r LEFT OUTER JOIN article a ON a.reporter_id = r.id WHERE a.headline LIKE $1";
    private static readonly Func<BenchContext, string, Task<int>> EfQuery =
        EF.CompileAsyncQuery((BenchContext c, string prefix) => c.Reporters.Count(r => r.Articles.Any(a => a.Headline.StartsWith(prefix))));

    private readonly string _prefix = "Headline 01";

    [Benchmark(Baseline = true)]
    public async Task<int> Hand()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _prefix + "%" });
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    [Benchmark]
    public Task<int> RelGen() => Reporter.Objects(Db).Filter(r => r.Article.Headline.StartsWith(_prefix)).Distinct().CountAsync();

    [Benchmark]
    public async Task<int> Dapper()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(DISTINCT r.id) FROM reporter r LEFT OUTER JOIN article a ON a.reporter_id = r.id WHERE a.headline LIKE @prefix", new { prefix = _prefix + "%" });
    }

    [Benchmark]
    public async Task<int> EfCore()
    {
        await using var context = Ef.CreateDbContext();
        return await EfQuery(context, _prefix);
    }
}
