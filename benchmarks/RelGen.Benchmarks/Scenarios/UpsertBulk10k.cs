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
/// 10,000 articles upserted on their (unique) headline, half of them existing: the existing half gets the new pub date and
/// views, the other half is inserted. Hand sends one <c>INSERT … SELECT FROM unnest(arrays) ON CONFLICT (headline) DO UPDATE …
/// RETURNING id</c> and sets every key; Dapper and Dapper.AOT execute the same upsert once per row in a transaction; EF Core
/// (which has no upsert) reads the existing rows, updates them and adds the rest in one SaveChanges; linq2db sends one MERGE.
/// RelGen sends one statement too (its conflict option): Hand's, over <c>unnest … WITH ORDINALITY … ORDER BY n</c>, returning
/// the headline beside the key, so that each key goes to the article whose headline it came back with rather than by
/// position (PostgreSQL does not promise RETURNING's order). The table is reset before every invocation.
/// </summary>
[InvocationCount(1, 1), WarmupCount(3), IterationCount(8)]
public class UpsertBulk10k : ScenarioBase
{
    private const int Count = 2 * UpsertData.Existing;
    private const int NewViews = 3;
    private const string Sql = "INSERT INTO article (headline, pub_date, views, reporter_id) "
        + "SELECT * FROM unnest($1::varchar[], $2::date[], $3::int[], $4::int[]) "
        + "ON CONFLICT (headline) DO UPDATE SET pub_date = EXCLUDED.pub_date, views = EXCLUDED.views RETURNING id";
    private const string DapperSql = "INSERT INTO article (headline, pub_date, views, reporter_id) VALUES (@Headline, @PubDate, @Views, @ReporterId) "
        + "ON CONFLICT (headline) DO UPDATE SET pub_date = EXCLUDED.pub_date, views = EXCLUDED.views";
    private static readonly DateOnly NewPubDate = new(2024, 6, 1);

    protected override string Schema => UpsertData.Schema;

    protected override void PrepareData()
    {
        UpsertData.Ensure(BenchDatabase.ConnectionString);
        Reset();
    }

    [IterationSetup]
    public void Reset()
    {
        using var connection = DataSource.OpenConnection();
        UpsertData.Reset(connection);
    }

    protected override async Task CheckVariantsAsync()
    {
        var variants = new (string Name, Func<Task> Upsert)[]
        {
            (nameof(Hand), Hand), (nameof(Dapper), Dapper), (nameof(DapperAot), DapperAot), (nameof(EfCore), EfCore), (nameof(Linq2Db), Linq2Db),
            (nameof(RelGen), RelGen),
        };
        var expected = Enumerable.Range(0, Count).Select(i => (UpsertData.Headline(i), NewPubDate, NewViews, UpsertData.ReporterId)).ToList();
        foreach (var (name, upsert) in variants)
        {
            Reset();
            await upsert();
            await using var connection = await DataSource.OpenConnectionAsync();
            var rows = (await connection.QueryAsync<(string, DateOnly, int, int)>("SELECT headline, pub_date, views, reporter_id FROM article ORDER BY headline")).AsList();
            Same.Rows(nameof(UpsertBulk10k), name, expected, rows);
        }
        Reset();
    }

    private static List<Article> NewArticles()
    {
        var list = new List<Article>(Count);
        for (var i = 0; i < Count; i++)
            list.Add(new Article { Headline = UpsertData.Headline(i), PubDate = NewPubDate, Views = NewViews, ReporterId = UpsertData.ReporterId });
        return list;
    }

    [Benchmark(Baseline = true)]
    public async Task<int> Hand()
    {
        var articles = NewArticles();
        var headlines = new string[Count];
        var pubDates = new DateOnly[Count];
        var views = new int[Count];
        var reporters = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            var a = articles[i];
            (headlines[i], pubDates[i], views[i], reporters[i]) = (a.Headline, a.PubDate, a.Views, a.ReporterId);
        }
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = headlines });
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]> { TypedValue = pubDates });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = views });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = reporters });
        await command.PrepareAsync();
        await using var reader = await command.ExecuteReaderAsync();
        // Rows come back in the order of the input: each object gets its key, as RelGen's BulkCreateAsync promises.
        var i2 = 0;
        while (await reader.ReadAsync())
            articles[i2++].Id = reader.GetInt32(0);
        return i2;
    }

    [Benchmark]
    public async Task<int> RelGen()
    {
        var articles = NewArticles();
        await Article.Objects(Db).BulkCreateAsync(articles, a => Query.Conflict.On(a.Headline).Update(a.PubDate, a.Views));
        return articles[^1].Id;
    }

    [Benchmark, DapperAot(false)]
    public async Task<int> Dapper()
    {
        var articles = NewArticles();
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var rows = await connection.ExecuteAsync(DapperSql, articles.Select(a => new { a.Headline, a.PubDate, a.Views, a.ReporterId }), transaction);
        await transaction.CommitAsync();
        return rows;
    }

    [Benchmark, DapperAot]
    public async Task<int> DapperAot()
    {
        var articles = new List<AotArticle>(Count);
        for (var i = 0; i < Count; i++)
            articles.Add(new AotArticle { Headline = UpsertData.Headline(i), PubDate = NewPubDate, Views = NewViews, ReporterId = UpsertData.ReporterId });
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var rows = await connection.ExecuteAsync(DapperSql, articles, transaction);
        await transaction.CommitAsync();
        return rows;
    }

    [Benchmark]
    public async Task<int> EfCore()
    {
        var articles = new List<EfArticle>(Count);
        for (var i = 0; i < Count; i++)
            articles.Add(new EfArticle { Headline = UpsertData.Headline(i), PubDate = NewPubDate, Views = NewViews, ReporterId = UpsertData.ReporterId });
        var headlines = articles.Select(a => a.Headline).ToList();
        await using var context = Ef.CreateDbContext();
        var existing = await context.Articles.Where(a => headlines.Contains(a.Headline)).ToDictionaryAsync(a => a.Headline);
        foreach (var article in articles)
        {
            if (existing.TryGetValue(article.Headline, out var row))
                (row.PubDate, row.Views) = (article.PubDate, article.Views);
            else
                context.Articles.Add(article);
        }
        return await context.SaveChangesAsync();
    }

    [Benchmark]
    public async Task<int> Linq2Db()
    {
        var articles = new List<L2Article>(Count);
        for (var i = 0; i < Count; i++)
            articles.Add(new L2Article { Headline = UpsertData.Headline(i), PubDate = NewPubDate, Views = NewViews, ReporterId = UpsertData.ReporterId });
        await using var db = new DataConnection(L2);
        return await L2Queries.Upsert(db, articles);
    }
}
