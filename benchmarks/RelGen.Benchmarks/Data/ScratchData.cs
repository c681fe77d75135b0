using Dapper;
using Npgsql;

namespace RelGen.Benchmarks.Data;

/// <summary>
/// The schema the writing scenarios share: a background of 1,000 reporters with 10 articles each that stays, so that inserts
/// and deletes work on indexed tables that hold other rows, plus whatever a scenario adds for one iteration and removes again.
/// The first 100 reporters are named "Target" (1,000 articles: what UpdateByFilter changes), the others "Background".
/// </summary>
public static class ScratchData
{
    public const string Schema = "scratch";
    public const int BackgroundReporters = 1_000;
    public const int BackgroundArticles = BackgroundReporters * 10;
    public const int TargetReporters = 100;
    public const string TargetName = "Target";
    private static bool _built;

    public static void Ensure(string connectionString)
    {
        lock (Schema)
        {
            if (_built)
                return;
            BuildAsync(connectionString).GetAwaiter().GetResult();
            _built = true;
        }
    }

    private static async Task BuildAsync(string connectionString)
    {
        await SchemaTables.CreateAsync(connectionString, Schema);
        var inSchema = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = Schema, CommandTimeout = 0 }.ConnectionString;
        await using var connection = new NpgsqlConnection(inSchema);
        await connection.ExecuteAsync(
            "INSERT INTO reporter (first_name, last_name, email) "
            + "SELECT CASE WHEN g <= @targets THEN @target ELSE 'Background' END, 'Writer' || g, 'b' || g || '@example.com' FROM generate_series(1, @n) g",
            new { n = BackgroundReporters, targets = TargetReporters, target = TargetName });
        await connection.ExecuteAsync(
            "INSERT INTO article (headline, pub_date, reporter_id) SELECT 'Background ' || r.id || '-' || i, DATE '2020-01-01' + i, r.id "
            + "FROM reporter r CROSS JOIN generate_series(0, 9) i ORDER BY r.id, i");
        Vacuum.Run(connection, "reporter, article", analyze: true);
    }

    /// <summary>Throws unless only the background rows are there.</summary>
    public static void EnsureBackgroundOnly(NpgsqlConnection connection, string scenario)
    {
        var (reporters, articles) = connection.QuerySingle<(long, long)>("SELECT (SELECT COUNT(*) FROM reporter), (SELECT COUNT(*) FROM article)");
        if (reporters != BackgroundReporters || articles != BackgroundArticles)
            throw new InvalidOperationException($"{scenario}: the scratch schema holds {reporters} reporters and {articles} articles, "
                + $"not the {BackgroundReporters} and {BackgroundArticles} of its background.");
    }
}
