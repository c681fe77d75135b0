using BenchmarkDotNet.Attributes;
using Dapper;
using LinqToDB.Data;
using NpgsqlTypes;
using RelGen.Benchmarks.Data;
using RelGen.Benchmarks.DapperAot;
using RelGen.Benchmarks.EfCore;
using RelGen.Benchmarks.Infrastructure;
using RelGen.Benchmarks.Linq2Db;
using RelGen.Benchmarks.Models;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>
/// <c>Rows</c> new articles into the scratch schema (beside its 10,000 background articles). Hand is binary COPY with async
/// writes, returning no keys; RelGen reserves the keys, then copies; linq2db copies too (provider-specific bulk copy). Dapper
/// and Dapper.AOT execute one INSERT per row in a transaction, EF Core tracks and batches: those three stop at 100,000 rows.
/// The inserted rows are removed and vacuumed away after each iteration, so every variant inserts into the same table.
/// (This replaces BulkInsert10k; its 10k point is kept.)
/// </summary>
[WarmupCount(4), IterationCount(6)]
public class BulkInsert : SizedScenario
{
    private const string Prefix = "Bulk ";
    private const string DapperSql = "INSERT INTO article (headline, pub_date, views, reporter_id) VALUES (@Headline, @PubDate, @Views, @ReporterId)";
    private const int ReporterId = 2;
    private static readonly DateOnly PubDate = new(2024, 1, 1);

    [Params(1_000, 10_000, 100_000, 1_000_000)]
    public override int Rows { get; set; }

    protected override string Schema => ScratchData.Schema;

    protected override void PrepareData()
    {
        ScratchData.Ensure(BenchDatabase.ConnectionString);
        RemoveInserted();
        using var connection = DataSource.OpenConnection();
        ScratchData.EnsureBackgroundOnly(connection, nameof(BulkInsert));
    }

    [IterationCleanup]
    public void RemoveInserted()
    {
        Execute($"DELETE FROM article WHERE headline LIKE '{Prefix}%'");
        // Rewritten, so that every iteration of every variant starts from the same compact table and indexes: after plain
        // VACUUMs the key index held 21,927 empty pages of 21,966 (the million-row inserts), which later inserts reuse, so
        // the variants after the first wrote into a different index than the first did.
        Execute("VACUUM FULL article");
        VacuumTables("article");
    }

    protected override void CleanupScenario() => RemoveInserted();

    protected override async Task CheckVariantsAsync()
    {
        var scenario = $"{nameof(BulkInsert)}({Rows})";
        var variants = new (string Name, Func<Task> Insert)[]
        {
            (nameof(Hand), Hand), (nameof(RelGen), RelGen), (nameof(Dapper), Dapper), (nameof(DapperAot), DapperAot),
            (nameof(EfCore), EfCore), (nameof(Linq2Db), Linq2Db),
        };
        List<(string, DateOnly, int, int)>? expected = null;
        foreach (var (name, insert) in variants)
        {
            if (!Runs(name))
                continue;
            await insert();
            await using var connection = await DataSource.OpenConnectionAsync();
            var rows = (await connection.QueryAsync<(string, DateOnly, int, int)>(
                $"SELECT headline, pub_date, views, reporter_id FROM article WHERE headline LIKE '{Prefix}%' ORDER BY headline")).AsList();
            RemoveInserted();
            if (expected is null)
            {
                Same.Value(scenario, "Hand's rows", Rows, rows.Count);
                expected = rows;
            }
            else
            {
                Same.Rows(scenario, name, expected, rows);
            }
        }
    }

    private static string Headline(int i) => Prefix + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    private List<Article> NewArticles()
    {
        var list = new List<Article>(Rows);
        for (var i = 0; i < Rows; i++)
            list.Add(new Article { Headline = Headline(i), PubDate = PubDate, Views = i % 10, ReporterId = ReporterId });
        return list;
    }

    [Benchmark(Baseline = true)]
    public async Task<ulong> Hand()
    {
        var articles = NewArticles();
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var importer = await connection.BeginBinaryImportAsync("COPY article (headline, pub_date, views, reporter_id) FROM STDIN (FORMAT BINARY)");
        foreach (var article in articles)
        {
            await importer.StartRowAsync();
            await importer.WriteAsync(article.Headline, NpgsqlDbType.Varchar);
            await importer.WriteAsync(article.PubDate, NpgsqlDbType.Date);
            await importer.WriteAsync(article.Views, NpgsqlDbType.Integer);
            await importer.WriteAsync(article.ReporterId, NpgsqlDbType.Integer);
        }
        return await importer.CompleteAsync();
    }

    [Benchmark]
    public async Task<int> RelGen()
    {
        var articles = NewArticles();
        await Db.BulkCreateAsync(articles);
        return articles[^1].Id;
    }

    [Benchmark, DapperAot(false), MaxRows(100_000)]
    public async Task<int> Dapper()
    {
        var articles = NewArticles();
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var rows = await connection.ExecuteAsync(DapperSql, articles.Select(a => new { a.Headline, a.PubDate, a.Views, a.ReporterId }), transaction);
        await transaction.CommitAsync();
        return rows;
    }

    [Benchmark, DapperAot, MaxRows(100_000)]
    public async Task<int> DapperAot()
    {
        var articles = new List<AotArticle>(Rows);
        for (var i = 0; i < Rows; i++)
            articles.Add(new AotArticle { Headline = Headline(i), PubDate = PubDate, Views = i % 10, ReporterId = ReporterId });
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var rows = await connection.ExecuteAsync(DapperSql, articles, transaction);
        await transaction.CommitAsync();
        return rows;
    }

    [Benchmark, MaxRows(100_000)]
    public async Task<int> EfCore()
    {
        await using var context = Ef.CreateDbContext();
        for (var i = 0; i < Rows; i++)
            context.Articles.Add(new EfArticle { Headline = Headline(i), PubDate = PubDate, Views = i % 10, ReporterId = ReporterId });
        return await context.SaveChangesAsync();
    }

    [Benchmark]
    public async Task<long> Linq2Db()
    {
        var articles = new List<L2Article>(Rows);
        for (var i = 0; i < Rows; i++)
            articles.Add(new L2Article { Headline = Headline(i), PubDate = PubDate, Views = i % 10, ReporterId = ReporterId });
        await using var db = new DataConnection(L2);
        return (await L2Queries.BulkInsert(db, articles)).RowsCopied;
    }
}
