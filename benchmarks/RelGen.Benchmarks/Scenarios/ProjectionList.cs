using BenchmarkDotNet.Attributes;
using Dapper;
using LinqToDB.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RelGen.Benchmarks.Data;
using RelGen.Benchmarks.EfCore;
using RelGen.Benchmarks.Infrastructure;
using RelGen.Benchmarks.Linq2Db;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>
/// Three columns (key, headline, pub date) of the 1,000 seeded articles whose reporter is named "Target", in headline order, as
/// value tuples (EF Core and linq2db build a small class).
/// </summary>
// Fifteen iterations whatever the job: at three, a sub-millisecond case moves ±25% with the machine (variants sending the
// same SQL spread that far), more than the goals' margins.
[IterationCount(15)]
public class ProjectionList : ScenarioBase
{
    private const string Sql = "SELECT a.id, a.headline, a.pub_date FROM article a INNER JOIN reporter r ON r.id = a.reporter_id WHERE r.first_name = $1 ORDER BY a.headline";
    private const string DapperSql = "SELECT a.id, a.headline, a.pub_date FROM article a INNER JOIN reporter r ON r.id = a.reporter_id WHERE r.first_name = @name ORDER BY a.headline";
    private static readonly Func<BenchContext, string, IAsyncEnumerable<HeadlineRow>> EfQuery =
        EF.CompileAsyncQuery((BenchContext c, string name) => c.Articles.Where(a => a.Reporter.FirstName == name).OrderBy(a => a.Headline)
            .Select(a => new HeadlineRow { Id = a.Id, Headline = a.Headline, PubDate = a.PubDate }));

    private readonly string _name = BenchDatabase.TargetName;

    protected override async Task CheckVariantsAsync()
    {
        var expected = await Hand();
        Same.Value(nameof(ProjectionList), "Hand's rows", 1_000, expected.Count);
        Same.Rows(nameof(ProjectionList), nameof(RelGen), expected, await RelGen());
        Same.Rows(nameof(ProjectionList), nameof(Dapper), expected, await Dapper());
        Same.Rows(nameof(ProjectionList), nameof(DapperAot), expected, await DapperAot());
        Same.Rows(nameof(ProjectionList), nameof(EfCore), expected, (await EfCore()).Select(r => (r.Id, r.Headline, r.PubDate)));
        Same.Rows(nameof(ProjectionList), nameof(Linq2Db), expected, (await Linq2Db()).Select(r => (r.Id, r.Headline, r.PubDate)));
    }

    [Benchmark(Baseline = true)]
    public async Task<List<(int, string, DateOnly)>> Hand()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _name });
        await command.PrepareAsync();
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<(int, string, DateOnly)>();
        while (await reader.ReadAsync())
            list.Add((reader.GetInt32(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2)));
        return list;
    }

    [Benchmark]
    public Task<List<(int, string, DateOnly)>> RelGen()
        => Models.Article.Objects(Db).Filter(a => a.Reporter.FirstName == _name).Select(a => a.Id, a => a.Headline, a => a.PubDate).ToListAsync();

    [Benchmark, DapperAot(false)]
    public async Task<List<(int, string, DateOnly)>> Dapper()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<(int, string, DateOnly)>(DapperSql, new { name = _name })).AsList();
    }

    [Benchmark, DapperAot, BindTupleByName(false)]
    public async Task<List<(int Id, string Headline, DateOnly PubDate)>> DapperAot()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<(int Id, string Headline, DateOnly PubDate)>(DapperSql, new { name = _name })).AsList();
    }

    [Benchmark]
    public async Task<List<HeadlineRow>> EfCore()
    {
        await using var context = Ef.CreateDbContext();
        var list = new List<HeadlineRow>();
        await foreach (var row in EfQuery(context, _name))
            list.Add(row);
        return list;
    }

    [Benchmark]
    public async Task<List<HeadlineRow>> Linq2Db()
    {
        await using var db = new DataConnection(L2);
        return await L2Queries.ProjectionList(db, _name);
    }
}
