using BenchmarkDotNet.Attributes;
using Dapper;
using LinqToDB.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RelGen.Benchmarks.Data;
using RelGen.Benchmarks.DapperAot;
using RelGen.Benchmarks.EfCore;
using RelGen.Benchmarks.Infrastructure;
using RelGen.Benchmarks.Linq2Db;
using RelGen.Benchmarks.Models;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>The articles whose reporter is named "Target", through the join, in the model's order, as a list: <c>Rows</c> of them.</summary>
public class ListByJoin : SizedScenario
{
    internal const string Sql = $"SELECT {ArticleColumns} FROM article a INNER JOIN reporter r ON r.id = a.reporter_id WHERE r.first_name = $1 ORDER BY a.headline";
    internal const string DapperSql = $"SELECT {ArticleColumns} FROM article a INNER JOIN reporter r ON r.id = a.reporter_id WHERE r.first_name = @name ORDER BY a.headline";
    internal static readonly Func<BenchContext, string, IAsyncEnumerable<EfArticle>> EfQuery =
        EF.CompileAsyncQuery<BenchContext, string, EfArticle>((c, name) => c.Articles.AsNoTracking().Where(a => a.Reporter.FirstName == name).OrderBy(a => a.Headline));

    private readonly string _name = SizedData.TargetName;

    [Params(1_000, 100_000, 1_000_000)]
    public override int Rows { get; set; }

    protected override async Task CheckVariantsAsync()
    {
        var expected = (await Hand()).Select(ArticleRow.Of).ToList();
        Same.Value(nameof(ListByJoin), nameof(Hand), Rows, expected.Count);
        Same.Rows(nameof(ListByJoin), nameof(RelGen), expected, (await RelGen()).Select(ArticleRow.Of));
        Same.Rows(nameof(ListByJoin), nameof(Dapper), expected, (await Dapper()).Select(ArticleRow.Of));
        Same.Rows(nameof(ListByJoin), nameof(DapperAot), expected, (await DapperAot()).Select(ArticleRow.Of));
        Same.Rows(nameof(ListByJoin), nameof(EfCore), expected, (await EfCore()).Select(ArticleRow.Of));
        Same.Rows(nameof(ListByJoin), nameof(Linq2Db), expected, (await Linq2Db()).Select(ArticleRow.Of));
    }

    [Benchmark(Baseline = true)]
    public async Task<List<Article>> Hand()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _name });
        await command.PrepareAsync();
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<Article>();
        while (await reader.ReadAsync())
            list.Add(ReadArticle(reader));
        return list;
    }

    [Benchmark]
    public Task<List<Article>> RelGen() => Article.Objects(Db).Filter(a => a.Reporter.FirstName == _name).ToListAsync();

    [Benchmark, DapperAot(false)]
    public async Task<List<Article>> Dapper()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<Article>(DapperSql, new { name = _name })).AsList();
    }

    [Benchmark, DapperAot]
    public async Task<List<AotArticle>> DapperAot()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<AotArticle>(DapperSql, new { name = _name })).AsList();
    }

    [Benchmark]
    public async Task<List<EfArticle>> EfCore()
    {
        await using var context = Ef.CreateDbContext();
        var list = new List<EfArticle>();
        await foreach (var article in EfQuery(context, _name))
            list.Add(article);
        return list;
    }

    [Benchmark]
    public async Task<List<L2Article>> Linq2Db()
    {
        await using var db = new DataConnection(L2);
        return await L2Queries.ListByJoin(db, _name);
    }
}
