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

/// <summary>
/// The reporters named "Target" (<c>Rows</c>/10 of them) with their <c>Rows</c> articles, in two queries: the reporters, then their
/// articles in the model's order, grouped by reporter. Hand sends the second query with the reporters' condition as a subquery;
/// <c>HandAny</c> sends their keys as one array (<c>= ANY($1)</c>), as RelGen does today. EF Core uses a split query (two round
/// trips, like the others), linq2db <c>LoadWith</c>.
/// </summary>
public class Prefetch : SizedScenario
{
    private const string ReporterColumns = "r.id, r.first_name, r.last_name, r.email";
    private const string ReportersSql = $"SELECT {ReporterColumns} FROM reporter r WHERE r.first_name = $1";
    private const string ArticlesSql = $"SELECT {ArticleColumns} FROM article a WHERE a.reporter_id IN (SELECT r.id FROM reporter r WHERE r.first_name = $1) ORDER BY a.headline";
    private const string ArticlesAnySql = $"SELECT {ArticleColumns} FROM article a WHERE a.reporter_id = ANY($1) ORDER BY a.headline";
    private const string DapperReportersSql = $"SELECT {ReporterColumns} FROM reporter r WHERE r.first_name = @name";
    private const string DapperArticlesSql = $"SELECT {ArticleColumns} FROM article a WHERE a.reporter_id IN (SELECT r.id FROM reporter r WHERE r.first_name = @name) ORDER BY a.headline";
    private static readonly Func<BenchContext, string, IAsyncEnumerable<EfReporter>> EfQuery =
        EF.CompileAsyncQuery((BenchContext c, string name) =>
            c.Reporters.AsNoTracking().Where(r => r.FirstName == name).Include(r => r.Articles.OrderBy(a => a.Headline)).AsSplitQuery());

    private readonly string _name = SizedData.TargetName;

    [Params(1_000, 100_000, 1_000_000)]
    public override int Rows { get; set; }

    // The article keys as text, so that the record compares them by value.
    private readonly record struct Loaded(int ReporterId, string LastName, int Articles, string ArticleIds);

    protected override async Task CheckVariantsAsync()
    {
        var scenario = $"{nameof(Prefetch)}({Rows})";
        var expected = Canonical((await Hand()).Select(r => (r.Reporter.Id, r.Reporter.LastName, r.Articles.Select(a => a.Id))));
        Same.Value(scenario, "Hand's reporters", SizedData.TargetReporters(Rows), expected.Count);
        Same.Value(scenario, "Hand's articles", Rows, expected.Sum(r => r.Articles));
        Same.Rows(scenario, nameof(HandAny), expected, Canonical((await HandAny()).Select(r => (r.Reporter.Id, r.Reporter.LastName, r.Articles.Select(a => a.Id)))));
        var relGen = new List<(int, string, IEnumerable<int>)>();
        foreach (var reporter in await RelGen())
            relGen.Add((reporter.Id, reporter.LastName, (await reporter.ArticleSet.ToListAsync()).Select(a => a.Id)));   // served from the prefetched set
        Same.Rows(scenario, nameof(RelGen), expected, Canonical(relGen));
        Same.Rows(scenario, nameof(Dapper), expected, Canonical((await Dapper()).Select(r => (r.Reporter.Id, r.Reporter.LastName, r.Articles.Select(a => a.Id)))));
        Same.Rows(scenario, nameof(DapperAot), expected, Canonical((await DapperAot()).Select(r => (r.Id, r.LastName, r.Articles.Select(a => a.Id)))));
        Same.Rows(scenario, nameof(EfCore), expected, Canonical((await EfCore()).Select(r => (r.Id, r.LastName, r.Articles.Select(a => a.Id)))));
        Same.Rows(scenario, nameof(Linq2Db), expected, Canonical((await Linq2Db()).Select(r => (r.Id, r.LastName, r.Articles.Select(a => a.Id)))));
    }

    // Reporters by key; each one's articles in the order the variant gave them (all order them by headline).
    private static List<Loaded> Canonical(IEnumerable<(int Id, string LastName, IEnumerable<int> ArticleIds)> reporters)
    {
        var loaded = new List<Loaded>();
        foreach (var (id, lastName, articleIds) in reporters)
        {
            var ids = articleIds.ToList();
            loaded.Add(new Loaded(id, lastName, ids.Count, string.Join(",", ids)));
        }
        return [.. loaded.OrderBy(r => r.ReporterId)];
    }

    private static Reporter ReadReporter(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetInt32(0),
        FirstName = reader.GetString(1),
        LastName = reader.GetString(2),
        Email = reader.GetString(3),
    };

    private async Task<(List<ReporterWithArticles>, Dictionary<int, ReporterWithArticles>)> ReadReportersAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(ReportersSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _name });
        await command.PrepareAsync();
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<ReporterWithArticles>();
        var byId = new Dictionary<int, ReporterWithArticles>();
        while (await reader.ReadAsync())
        {
            var loaded = new ReporterWithArticles(ReadReporter(reader), []);
            list.Add(loaded);
            byId.Add(loaded.Reporter.Id, loaded);
        }
        return (list, byId);
    }

    private static async Task ReadArticlesAsync(NpgsqlCommand command, Dictionary<int, ReporterWithArticles> byId)
    {
        await command.PrepareAsync();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var article = ReadArticle(reader);
            byId[article.ReporterId].Articles.Add(article);
        }
    }

    [Benchmark(Baseline = true)]
    public async Task<List<ReporterWithArticles>> Hand()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        var (list, byId) = await ReadReportersAsync(connection);
        await using var command = new NpgsqlCommand(ArticlesSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _name });
        await ReadArticlesAsync(command, byId);
        return list;
    }

    [Benchmark]
    public async Task<List<ReporterWithArticles>> HandAny()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        var (list, byId) = await ReadReportersAsync(connection);
        var keys = new int[list.Count];
        for (var i = 0; i < keys.Length; i++)
            keys[i] = list[i].Reporter.Id;
        await using var command = new NpgsqlCommand(ArticlesAnySql, connection);
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = keys });
        await ReadArticlesAsync(command, byId);
        return list;
    }

    [Benchmark]
    public Task<List<Reporter>> RelGen() => Reporter.Objects(Db).Filter(r => r.FirstName == _name).PrefetchRelated(r => r.Article).ToListAsync();

    [Benchmark, DapperAot(false)]
    public async Task<List<ReporterWithArticles>> Dapper()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        var list = new List<ReporterWithArticles>();
        var byId = new Dictionary<int, ReporterWithArticles>();
        foreach (var reporter in await connection.QueryAsync<Reporter>(DapperReportersSql, new { name = _name }))
        {
            var loaded = new ReporterWithArticles(reporter, []);
            list.Add(loaded);
            byId.Add(reporter.Id, loaded);
        }
        foreach (var article in await connection.QueryAsync<Article>(DapperArticlesSql, new { name = _name }))
            byId[article.ReporterId].Articles.Add(article);
        return list;
    }

    [Benchmark, DapperAot]
    public async Task<List<AotReporter>> DapperAot()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        var list = (await connection.QueryAsync<AotReporter>(DapperReportersSql, new { name = _name })).AsList();
        var byId = new Dictionary<int, AotReporter>(list.Count);
        foreach (var reporter in list)
            byId.Add(reporter.Id, reporter);
        foreach (var article in await connection.QueryAsync<AotArticle>(DapperArticlesSql, new { name = _name }))
            byId[article.ReporterId].Articles.Add(article);
        return list;
    }

    [Benchmark]
    public async Task<List<EfReporter>> EfCore()
    {
        await using var context = Ef.CreateDbContext();
        var list = new List<EfReporter>();
        await foreach (var reporter in EfQuery(context, _name))
            list.Add(reporter);
        return list;
    }

    [Benchmark]
    public async Task<List<L2Reporter>> Linq2Db()
    {
        await using var db = new DataConnection(L2);
        return await L2Queries.Prefetch(db, _name);
    }
}
