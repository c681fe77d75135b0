using BenchmarkDotNet.Attributes;
using Dapper;
using LinqToDB.Async;
using LinqToDB.Data;
using Npgsql;
using RelGen.Benchmarks.Data;
using RelGen.Benchmarks.DapperAot;
using RelGen.Benchmarks.Infrastructure;
using RelGen.Benchmarks.Linq2Db;
using RelGen.Benchmarks.Models;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>
/// ListByJoin's rows streamed with <c>await foreach</c> and summed, never held: memory should stay flat as <c>Rows</c> grows.
/// <c>RelGenPeers</c> streams with <see cref="FetchMode.Peers"/>: a chunk of 2,000 rows read ahead is one peer group, so it
/// holds one chunk at a time and allocates one list slot per row beyond the plain stream (issue 12).
/// (This replaces Stream10k, which streamed the whole seeded table; its 10k point is kept.)
/// </summary>
public class StreamByJoin : SizedScenario
{
    private readonly string _name = SizedData.TargetName;

    [Params(1_000, 10_000, 100_000, 1_000_000)]
    public override int Rows { get; set; }

    protected override async Task CheckVariantsAsync()
    {
        var scenario = $"{nameof(StreamByJoin)}({Rows})";
        var expected = await Hand();
        var rows = Scalar<long>("SELECT COUNT(*) FROM article a JOIN reporter r ON r.id = a.reporter_id WHERE r.first_name = @name", new { name = _name });
        Same.Value(scenario, "Hand's row count", (long)Rows, rows);
        Same.Value(scenario, nameof(RelGen), expected, await RelGen());
        Same.Value(scenario, nameof(RelGenPeers), expected, await RelGenPeers());
        Same.Value(scenario, nameof(Dapper), expected, await Dapper());
        Same.Value(scenario, nameof(DapperAot), expected, await DapperAot());
        Same.Value(scenario, nameof(EfCore), expected, await EfCore());
        Same.Value(scenario, nameof(Linq2Db), expected, await Linq2Db());
    }

    // A sum over every column, so that each variant has to read all of them.
    private static long Fold(long sum, int id, string headline, DateOnly pubDate, int views, int reporterId)
        => sum + id + headline.Length + pubDate.DayNumber + views + reporterId;

    [Benchmark(Baseline = true)]
    public async Task<long> Hand()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(ListByJoin.Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _name });
        await command.PrepareAsync();
        await using var reader = await command.ExecuteReaderAsync();
        long sum = 0;
        while (await reader.ReadAsync())
        {
            var a = ReadArticle(reader);
            sum = Fold(sum, a.Id, a.Headline, a.PubDate, a.Views, a.ReporterId);
        }
        return sum;
    }

    [Benchmark]
    public async Task<long> RelGen()
    {
        long sum = 0;
        await foreach (var a in Article.Objects(Db).Filter(a => a.Reporter.FirstName == _name))
            sum = Fold(sum, a.Id, a.Headline, a.PubDate, a.Views, a.ReporterId);
        return sum;
    }

    [Benchmark]
    public async Task<long> RelGenPeers()
    {
        long sum = 0;
        await foreach (var a in Article.Objects(Db).Filter(a => a.Reporter.FirstName == _name).WithFetchMode(FetchMode.Peers))
            sum = Fold(sum, a.Id, a.Headline, a.PubDate, a.Views, a.ReporterId);
        return sum;
    }

    [Benchmark, DapperAot(false)]
    public async Task<long> Dapper()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        long sum = 0;
        await foreach (var a in connection.QueryUnbufferedAsync<Article>(ListByJoin.DapperSql, new { name = _name }))
            sum = Fold(sum, a.Id, a.Headline, a.PubDate, a.Views, a.ReporterId);
        return sum;
    }

    [Benchmark, DapperAot]
    public async Task<long> DapperAot()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        long sum = 0;
        await foreach (var a in connection.QueryUnbufferedAsync<AotArticle>(ListByJoin.DapperSql, new { name = _name }))
            sum = Fold(sum, a.Id, a.Headline, a.PubDate, a.Views, a.ReporterId);
        return sum;
    }

    [Benchmark]
    public async Task<long> EfCore()
    {
        await using var context = Ef.CreateDbContext();
        long sum = 0;
        await foreach (var a in ListByJoin.EfQuery(context, _name))
            sum = Fold(sum, a.Id, a.Headline, a.PubDate, a.Views, a.ReporterId);
        return sum;
    }

    [Benchmark]
    public async Task<long> Linq2Db()
    {
        await using var db = new DataConnection(L2);
        long sum = 0;
        await foreach (var a in L2Queries.StreamByJoin(db, _name).AsAsyncEnumerable())
            sum = Fold(sum, a.Id, a.Headline, a.PubDate, a.Views, a.ReporterId);
        return sum;
    }
}
