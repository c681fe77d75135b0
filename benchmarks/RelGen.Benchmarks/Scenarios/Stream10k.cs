using BenchmarkDotNet.Attributes;
using Dapper;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RelGen.Benchmarks.EfCore;
using RelGen.Benchmarks.Models;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>All 10,000 articles streamed with <c>await foreach</c>, in the model's order.</summary>
public class Stream10k : ScenarioBase
{
    private const string Sql = $"SELECT {ArticleColumns} FROM article a ORDER BY a.headline";
    private static readonly Func<BenchContext, IAsyncEnumerable<EfArticle>> EfQuery =
        EF.CompileAsyncQuery<BenchContext, EfArticle>(c => c.Articles.AsNoTracking().OrderBy(a => a.Headline));

    [Benchmark(Baseline = true)]
    public async Task<int> Hand()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var sum = 0;
        while (await reader.ReadAsync())
            sum += ReadArticle(reader).Id;
        return sum;
    }

    [Benchmark]
    public async Task<int> RelGen()
    {
        var sum = 0;
        await foreach (var article in Article.Objects(Db))
            sum += article.Id;
        return sum;
    }

    [Benchmark]
    public async Task<int> Dapper()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        var sum = 0;
        await foreach (var article in connection.QueryUnbufferedAsync<Article>(Sql.Replace("$1", "@p", StringComparison.Ordinal)))
            sum += article.Id;
        return sum;
    }

    [Benchmark]
    public async Task<int> EfCore()
    {
        await using var context = Ef.CreateDbContext();
        var sum = 0;
        await foreach (var article in EfQuery(context))
            sum += article.Id;
        return sum;
    }
}
