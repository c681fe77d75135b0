using Dapper;
using Npgsql;

namespace RelGen.Benchmarks.Data;

/// <summary>
/// The read-only data of the sized scenarios: schema <c>rows_N</c> holds N/5 reporters, alternately named "Target" (odd keys)
/// and "Other", with 10 articles each, so N articles belong to the N/10 Target reporters and as many to the others. Target
/// headlines start with "T", the others with "O". Built once per run with set-based SQL (the fastest way in, and no client
/// memory), then vacuumed and analysed.
/// </summary>
public static class SizedData
{
    public const string TargetName = "Target";
    public const string TargetPrefix = "T";
    public const int ArticlesPerReporter = 10;

    private static readonly HashSet<int> Built = [];

    public static string SchemaFor(int rows) => "rows_" + rows.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reporters named Target at this size (each has <see cref="ArticlesPerReporter"/> articles).</summary>
    public static int TargetReporters(int rows) => rows / ArticlesPerReporter;

    public static void Ensure(string connectionString, int rows)
    {
        lock (Built)
        {
            if (Built.Contains(rows))
                return;
            Console.WriteLine($"// Building {SchemaFor(rows)}: {2 * TargetReporters(rows)} reporters, {2 * rows} articles...");
            BuildAsync(connectionString, rows).GetAwaiter().GetResult();
            Built.Add(rows);
        }
    }

    private static async Task BuildAsync(string connectionString, int rows)
    {
        var schema = SchemaFor(rows);
        await SchemaTables.CreateAsync(connectionString, schema);
        var inSchema = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema, CommandTimeout = 0 }.ConnectionString;
        await using var connection = new NpgsqlConnection(inSchema);
        await connection.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO reporter (first_name, last_name, email) "
            + "SELECT CASE WHEN g % 2 = 1 THEN @target ELSE 'Other' END, 'Writer' || g, 'r' || g || '@example.com' FROM generate_series(1, @reporters) g",
            new { target = TargetName, reporters = 2 * TargetReporters(rows) });
        await connection.ExecuteAsync(
            "INSERT INTO article (headline, pub_date, reporter_id) "
            + "SELECT CASE WHEN r.first_name = @target THEN @prefix ELSE 'O' END || ' ' || lpad(r.id::text, 7, '0') || '-' || i, DATE '2020-01-01' + i, r.id "
            + "FROM reporter r CROSS JOIN generate_series(0, @perReporter - 1) i ORDER BY r.id, i",
            new { target = TargetName, prefix = TargetPrefix, perReporter = ArticlesPerReporter });
        Vacuum.Run(connection, "reporter, article", analyze: true);
    }
}
