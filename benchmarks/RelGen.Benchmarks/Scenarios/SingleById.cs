using BenchmarkDotNet.Attributes;
using Dapper;
using LinqToDB.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RelGen.Benchmarks.DapperAot;
using RelGen.Benchmarks.EfCore;
using RelGen.Benchmarks.Infrastructure;
using RelGen.Benchmarks.Linq2Db;
using RelGen.Benchmarks.Models;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>One article by key.</summary>
// Fifteen iterations whatever the job: at three, a sub-millisecond case moves ±25% with the machine (variants sending the
// same SQL spread that far), more than the goals' margins.
[IterationCount(15)]
public class SingleById : ScenarioBase
{
    private const string Sql = $"SELECT {ArticleColumns} FROM article a WHERE a.id = $1";
    private const string DapperSql = $"SELECT {ArticleColumns} FROM article a WHERE a.id = @id";
    private static readonly Func<BenchContext, int, Task<EfArticle?>> EfQuery =
        EF.CompileAsyncQuery((BenchContext c, int id) => c.Articles.AsNoTracking().FirstOrDefault(a => a.Id == id));

    private int _id = 5_000;

    protected override async Task CheckVariantsAsync()
    {
        var expected = ArticleRow.Of((await Hand())!);
        Same.Value(nameof(SingleById), nameof(RelGen), expected, ArticleRow.Of(await RelGen()));
        Same.Value(nameof(SingleById), nameof(Dapper), expected, ArticleRow.Of((await Dapper())!));
        Same.Value(nameof(SingleById), nameof(DapperAot), expected, ArticleRow.Of((await DapperAot())!));
        Same.Value(nameof(SingleById), nameof(EfCore), expected, ArticleRow.Of((await EfCore())!));
        Same.Value(nameof(SingleById), nameof(Linq2Db), expected, ArticleRow.Of((await Linq2Db())!));
    }

    [Benchmark(Baseline = true)]
    public async Task<Article?> Hand()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _id });
        await command.PrepareAsync();
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? ReadArticle(reader) : null;
    }

    [Benchmark]
    public Task<Article> RelGen() => Article.Objects(Db).GetAsync(a => a.Id == _id);

    [Benchmark, DapperAot(false)]
    public async Task<Article?> Dapper()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.QueryFirstOrDefaultAsync<Article>(DapperSql, new { id = _id });
    }

    [Benchmark, DapperAot]
    public async Task<AotArticle?> DapperAot()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.QueryFirstOrDefaultAsync<AotArticle>(DapperSql, new { id = _id });
    }

    [Benchmark]
    public async Task<EfArticle?> EfCore()
    {
        await using var context = Ef.CreateDbContext();
        return await EfQuery(context, _id);
    }

    [Benchmark]
    public async Task<L2Article?> Linq2Db()
    {
        await using var db = new DataConnection(L2);
        return await L2Queries.SingleById(db, _id);
    }
}
