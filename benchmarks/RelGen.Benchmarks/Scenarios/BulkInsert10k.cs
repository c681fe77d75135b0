using BenchmarkDotNet.Attributes;
using Dapper;
using NpgsqlTypes;
using RelGen.Benchmarks.EfCore;
using RelGen.Benchmarks.Models;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>
/// 10,000 new articles. Hand is binary COPY; the inserted rows are removed and vacuumed away after each iteration, so
/// every variant inserts into the same table. One invocation is long and runs a lot of code only once per row, so more
/// warm-up than the short job's (the per-row code must be fully jitted before it is timed) and more iterations.
/// </summary>
[WarmupCount(8), IterationCount(10)]
public class BulkInsert10k : ScenarioBase
{
    private const int Count = 10_000;
    private const int ReporterId = 2;
    private static readonly DateOnly PubDate = new(2024, 1, 1);

    [IterationCleanup]
    public void RemoveInserted()
    {
        Execute("DELETE FROM article WHERE headline LIKE 'Bulk %'");
        Execute("VACUUM article");
    }

    protected override void CleanupScenario()
    {
        RemoveInserted();
        Execute("ANALYZE article");
    }

    private static List<Article> NewArticles()
    {
        var list = new List<Article>(Count);
        for (var i = 0; i < Count; i++)
            list.Add(new Article { Headline = "Bulk " + i, PubDate = PubDate, ReporterId = ReporterId });
        return list;
    }

    [Benchmark(Baseline = true)]
    public async Task<ulong> Hand()
    {
        var articles = NewArticles();
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var importer = await connection.BeginBinaryImportAsync("COPY article (headline, pub_date, reporter_id) FROM STDIN (FORMAT BINARY)");
        foreach (var article in articles)
        {
            await importer.StartRowAsync();
            await importer.WriteAsync(article.Headline, NpgsqlDbType.Varchar);
            await importer.WriteAsync(article.PubDate, NpgsqlDbType.Date);
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

    [Benchmark]
    public async Task<int> Dapper()
    {
        var articles = NewArticles();
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var rows = await connection.ExecuteAsync(
            "INSERT INTO article (headline, pub_date, reporter_id) VALUES (@Headline, @PubDate, @ReporterId)",
            articles.Select(a => new { a.Headline, a.PubDate, a.ReporterId }), transaction);
        await transaction.CommitAsync();
        return rows;
    }

    [Benchmark]
    public async Task<int> EfCore()
    {
        await using var context = Ef.CreateDbContext();
        for (var i = 0; i < Count; i++)
            context.Articles.Add(new EfArticle { Headline = "Bulk " + i, PubDate = PubDate, ReporterId = ReporterId });
        return await context.SaveChangesAsync();
    }
}
