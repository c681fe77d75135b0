using BenchmarkDotNet.Attributes;
using Dapper;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RelGen.Benchmarks.EfCore;
using RelGen.Benchmarks.Models;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>One article by key.</summary>
public class SingleById : ScenarioBase
{
    private const string Sql = $"SELECT {ArticleColumns} FROM article a WHERE a.id = $1";
    private static readonly Func<BenchContext, int, Task<EfArticle?>> EfQuery =
        EF.CompileAsyncQuery((BenchContext c, int id) => c.Articles.AsNoTracking().FirstOrDefault(a => a.Id == id));

    private int _id = 5_000;

    [Benchmark(Baseline = true)]
    public async Task<Article?> Hand()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _id });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? ReadArticle(reader) : null;
    }

    [Benchmark]
    public Task<Article> RelGen() => Article.Objects(Db).GetAsync(a => a.Id == _id);

    [Benchmark]
    public async Task<Article?> Dapper()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.QueryFirstOrDefaultAsync<Article>("SELECT a.id, a.headline, a.pub_date, a.reporter_id FROM article a WHERE a.id = @id", new { id = _id });
    }

    [Benchmark]
    public async Task<EfArticle?> EfCore()
    {
        await using var context = Ef.CreateDbContext();
        return await EfQuery(context, _id);
    }
}
