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

/// <summary>
/// The 100 seeded reporters, each with its article count (Django's <c>annotate(Count("article"))</c>). Hand counts with a
/// correlated subquery per reporter (an index-only scan of its articles: EF Core's and linq2db's form, and the fastest
/// measured); <c>HandGroupBy</c> is Django's form, a left join grouped by the reporter's key, which aggregates every article
/// first. RelGen's is <c>Select(r => r, r => r.Article.Count())</c>.
/// </summary>
// Fifteen iterations whatever the job: at three, a sub-millisecond case moves ±25% with the machine (variants sending the
// same SQL spread that far), more than the goals' margins.
[IterationCount(15)]
public class AnnotateCount : ScenarioBase
{
    private const string Sql = "SELECT r.id, r.first_name, r.last_name, r.email, "
        + "(SELECT COUNT(*) FROM article a WHERE a.reporter_id = r.id)::int AS article_count FROM reporter r";
    private const string GroupBySql = "SELECT r.id, r.first_name, r.last_name, r.email, COUNT(a.id)::int AS article_count "
        + "FROM reporter r LEFT OUTER JOIN article a ON a.reporter_id = r.id GROUP BY r.id";
    private static readonly Func<BenchContext, IAsyncEnumerable<EfReporterCount>> EfQuery =
        EF.CompileAsyncQuery((BenchContext c) => c.Reporters.AsNoTracking().Select(r => new EfReporterCount { Reporter = r, Count = r.Articles.Count() }));

    private readonly record struct Counted(int Id, string LastName, int Count);

    protected override async Task CheckVariantsAsync()
    {
        static List<Counted> Sorted(IEnumerable<Counted> rows) => [.. rows.OrderBy(r => r.Id)];
        var expected = Sorted((await Hand()).Select(r => new Counted(r.Item1.Id, r.Item1.LastName, r.Item2)));
        Same.Value(nameof(AnnotateCount), "Hand's articles", 10_000, expected.Sum(r => r.Count));
        Same.Rows(nameof(AnnotateCount), nameof(HandGroupBy), expected, Sorted((await HandGroupBy()).Select(r => new Counted(r.Item1.Id, r.Item1.LastName, r.Item2))));
        Same.Rows(nameof(AnnotateCount), nameof(RelGen), expected, Sorted((await RelGen()).Select(r => new Counted(r.Item1.Id, r.Item1.LastName, r.Item2))));
        Same.Rows(nameof(AnnotateCount), nameof(Dapper), expected, Sorted((await Dapper()).Select(r => new Counted(r.Item1.Id, r.Item1.LastName, r.Item2))));
        Same.Rows(nameof(AnnotateCount), nameof(DapperAot), expected, Sorted((await DapperAot()).Select(r => new Counted(r.Id, r.LastName, r.ArticleCount))));
        Same.Rows(nameof(AnnotateCount), nameof(EfCore), expected, Sorted((await EfCore()).Select(r => new Counted(r.Reporter.Id, r.Reporter.LastName, r.Count))));
        Same.Rows(nameof(AnnotateCount), nameof(Linq2Db), expected, Sorted((await Linq2Db()).Select(r => new Counted(r.Reporter.Id, r.Reporter.LastName, r.Count))));
    }

    [Benchmark(Baseline = true)]
    public Task<List<(Reporter, int)>> Hand() => ReadAsync(Sql);

    [Benchmark]
    public Task<List<(Reporter, int)>> HandGroupBy() => ReadAsync(GroupBySql);

    private async Task<List<(Reporter, int)>> ReadAsync(string sql)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.PrepareAsync();
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<(Reporter, int)>();
        while (await reader.ReadAsync())
        {
            var reporter = new Reporter { Id = reader.GetInt32(0), FirstName = reader.GetString(1), LastName = reader.GetString(2), Email = reader.GetString(3) };
            list.Add((reporter, reader.GetInt32(4)));
        }
        return list;
    }

    [Benchmark]
    public Task<List<(Reporter, int)>> RelGen() => Reporter.Objects(Db).Select(r => r, r => r.Article.Count()).ToListAsync();

    [Benchmark, DapperAot(false)]
    public async Task<List<(Reporter, int)>> Dapper()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<Reporter, int, (Reporter, int)>(Sql, (r, count) => (r, count), splitOn: "article_count")).AsList();
    }

    [Benchmark, DapperAot]
    public async Task<List<AotReporterCount>> DapperAot()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<AotReporterCount>(Sql)).AsList();
    }

    [Benchmark]
    public async Task<List<EfReporterCount>> EfCore()
    {
        await using var context = Ef.CreateDbContext();
        var list = new List<EfReporterCount>();
        await foreach (var row in EfQuery(context))
            list.Add(row);
        return list;
    }

    [Benchmark]
    public async Task<List<L2ReporterCount>> Linq2Db()
    {
        await using var db = new DataConnection(L2);
        return await L2Queries.AnnotateCount(db);
    }
}
