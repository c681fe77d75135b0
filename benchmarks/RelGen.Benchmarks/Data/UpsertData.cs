using Dapper;
using Npgsql;

namespace RelGen.Benchmarks.Data;

/// <summary>
/// The schema of UpsertBulk10k: one reporter and <see cref="Existing"/> articles headlined <c>Upsert 00000</c>… under a
/// unique index on the headline (the conflict target), so that an upsert of twice as many headlines updates half and inserts
/// half. <see cref="Reset"/> brings it back between invocations.
/// </summary>
public static class UpsertData
{
    public const string Schema = "upsert";
    public const int Existing = 5_000;
    public const string Prefix = "Upsert ";
    public static readonly DateOnly OldPubDate = new(2020, 1, 1);
    private static bool _built;

    public static int ReporterId { get; private set; }

    public static string Headline(int i) => Prefix + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);

    public static void Ensure(string connectionString)
    {
        lock (Schema)
        {
            if (_built)
                return;
            SchemaTables.CreateAsync(connectionString, Schema).GetAwaiter().GetResult();
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = Schema }.ConnectionString);
            ReporterId = connection.ExecuteScalar<int>("INSERT INTO reporter (first_name, last_name, email) VALUES ('Upsert', 'Writer', 'u@example.com') RETURNING id");
            connection.Execute("CREATE UNIQUE INDEX article_headline_key ON article (headline)");
            Reset(connection);
            connection.Execute("ANALYZE article");
            _built = true;
        }
    }

    /// <summary>Back to the existing half, unchanged: the inserted half deleted, the updated half restored, dead rows vacuumed.</summary>
    public static void Reset(NpgsqlConnection connection)
    {
        connection.Execute("DELETE FROM article");
        connection.Execute(
            "INSERT INTO article (headline, pub_date, views, reporter_id) SELECT @prefix || lpad(g::text, 5, '0'), @pubDate, 0, @reporter FROM generate_series(0, @n - 1) g",
            new { prefix = Prefix, pubDate = OldPubDate, reporter = ReporterId, n = Existing });
        Vacuum.Run(connection, "article");
    }
}
