using Dapper;
using Npgsql;
using RelGen.Benchmarks.Models;

namespace RelGen.Benchmarks.Data;

/// <summary>
/// The one server and seeded schema every benchmark uses. 100 reporters with 100 articles each;
/// the first 10 reporters are named "Target" (so 1,000 articles match ListByJoin).
/// </summary>
public static class BenchDatabase
{
    public const int Reporters = 100;
    public const int ArticlesPerReporter = 100;
    public const string TargetName = "Target";

    public static string ConnectionString { get; set; } = Environment.GetEnvironmentVariable("RELGEN_BENCH_CONNECTION") ?? "";

    public static async Task SeedAsync(string connectionString)
    {
        await using var db = RelGenDatabase.Create(connectionString);
        await db.DropTablesAsync();
        await db.CreateTablesAsync();
        var reporters = Enumerable.Range(0, Reporters).Select(i => new Reporter
        {
            FirstName = i < 10 ? TargetName : "Other" + i,
            LastName = "Writer" + i,
            Email = $"r{i}@example.com",
        }).ToList();
        await db.BulkCreateAsync(reporters);
        var articles = new List<Article>();
        foreach (var reporter in reporters)
        {
            for (var i = 0; i < ArticlesPerReporter; i++)
                articles.Add(new Article { Headline = $"Headline {reporter.Id:D3}-{i:D3}", PubDate = new DateOnly(2020, 1, 1).AddDays(i), Reporter = reporter });
        }
        await db.BulkCreateAsync(articles);
        await using var connection = new NpgsqlConnection(connectionString);
        Vacuum.Run(connection, "reporter, article", analyze: true);
    }
}
