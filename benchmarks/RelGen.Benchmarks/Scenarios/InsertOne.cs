using BenchmarkDotNet.Attributes;
using Dapper;
using Npgsql;
using RelGen.Benchmarks.EfCore;
using RelGen.Benchmarks.Models;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>One article inserted, its key returned. The rows are removed after each benchmark.</summary>
public class InsertOne : ScenarioBase
{
    private const string Sql = "INSERT INTO article (headline, pub_date, reporter_id) VALUES ($1, $2, $3) RETURNING id";
    private const int ReporterId = 1;
    private static readonly DateOnly PubDate = new(2024, 1, 1);

    protected override void CleanupScenario()
    {
        Execute("DELETE FROM article WHERE headline = 'Inserted'");
    }

    [Benchmark(Baseline = true)]
    public async Task<int> Hand()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "Inserted" });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = PubDate });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = ReporterId });
        return (int)(await command.ExecuteScalarAsync())!;
    }

    [Benchmark]
    public async Task<int> RelGen()
    {
        var article = new Article { Headline = "Inserted", PubDate = PubDate, ReporterId = ReporterId };
        await Db.SaveAsync(article);
        return article.Id;
    }

    [Benchmark]
    public async Task<int> Dapper()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(
            "INSERT INTO article (headline, pub_date, reporter_id) VALUES (@headline, @pubDate, @reporterId) RETURNING id",
            new { headline = "Inserted", pubDate = PubDate, reporterId = ReporterId });
    }

    [Benchmark]
    public async Task<int> EfCore()
    {
        await using var context = Ef.CreateDbContext();
        var article = new EfArticle { Headline = "Inserted", PubDate = PubDate, ReporterId = ReporterId };
        context.Articles.Add(article);
        await context.SaveChangesAsync();
        return article.Id;
    }
}
