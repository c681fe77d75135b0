using Npgsql;
using RelGen.Metadata;
using RelGen.Migrations;

namespace RelGen.Tests.Migrations;

/// <summary>
/// Concurrency and faults: migrators started together apply each migration once; a migrator waits while another
/// holds the lock; a migrator whose backend is killed leaves nothing half applied and no lock behind.
/// </summary>
public sealed class MigrationLockTests : MigrationTest
{
    /// <summary>Each migration writes a row when it runs, so running twice would show; the first is slow, to make the starts overlap.</summary>
    static readonly MigrationDescriptor[] Counted =
    [
        new("20250101000001_First", "CREATE TABLE runs (migration text NOT NULL);\nINSERT INTO runs VALUES ('first');\nSELECT pg_sleep(0.5);", "DROP TABLE runs;"),
        new("20250101000002_Second", "CREATE TABLE second_table (id integer);\nINSERT INTO runs VALUES ('second');", "DROP TABLE second_table;"),
    ];

    [Test]
    public async Task TwoMigratorsStartedTogetherApplyEachMigrationOnce()
    {
        var connectionString = await NewSchemaAsync("together");
        // Two data sources, as two processes would have.
        await using var one = RelGenDatabase.Create(connectionString);
        await using var two = RelGenDatabase.Create(connectionString);
        using var start = new ManualResetEventSlim();
        var first = Task.Run(() => { start.Wait(); return one.RunMigrationsAsync(Counted, null, CancellationToken.None); });
        var second = Task.Run(() => { start.Wait(); return two.RunMigrationsAsync(Counted, null, CancellationToken.None); });
        start.Set();
        var results = await Task.WhenAll(first, second);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await ScalarAsync<string>(connectionString, "SELECT string_agg(migration, ',' ORDER BY migration) FROM runs"), Is.EqualTo("first,second"));
            Assert.That(results.SelectMany(r => r.Applied).Order(), Is.EqualTo(Counted.Select(m => m.Name)), "every migration applied by exactly one of them");
            Assert.That(results.Count(r => r.Applied.Count == 0), Is.EqualTo(1), "the one that waited found nothing pending");
            Assert.That((await HistoryAsync(connectionString)).Select(h => h.Name), Is.EqualTo(Counted.Select(m => m.Name)));
        }
    }

    [Test]
    public async Task AMigratorWaitsWhileAnotherHoldsTheLock()
    {
        var connectionString = await NewSchemaAsync("waiting");
        await using var holder = new NpgsqlConnection(connectionString);
        await holder.OpenAsync();
        await new NpgsqlCommand(MigrationLock.AcquireSql, holder).ExecuteNonQueryAsync();
        await using var db = RelGenDatabase.Create(connectionString);

        var migrating = db.RunMigrationsAsync(Counted, null, CancellationToken.None);
        await WaitForAdvisoryLockWaiterAsync(connectionString);

        Assert.That(migrating.IsCompleted, Is.False);
        Assert.That(await TableExistsAsync(connectionString, "runs"), Is.False, "nothing runs before the lock is granted");
        await new NpgsqlCommand(MigrationLock.ReleaseSql, holder).ExecuteNonQueryAsync();
        Assert.That((await migrating).Applied, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task ALockInAnotherSchemaDoesNotBlock()
    {
        var other = await NewSchemaAsync("other_tenant");
        var connectionString = await NewSchemaAsync("this_tenant");
        await using var holder = new NpgsqlConnection(other);
        await holder.OpenAsync();
        await new NpgsqlCommand(MigrationLock.AcquireSql, holder).ExecuteNonQueryAsync();
        await using var db = RelGenDatabase.Create(connectionString);

        Assert.That((await db.RunMigrationsAsync(Counted, null, CancellationToken.None)).Applied, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task AKilledMigratorLeavesNothingHalfAppliedAndNoLock()
    {
        var connectionString = await NewSchemaAsync("killed");
        await ExecuteAsync(connectionString, "CREATE TABLE hold (seconds integer); INSERT INTO hold VALUES (60);");
        MigrationDescriptor slow = new("20250101000001_Slow",
            "CREATE TABLE slow_table (id integer);\nINSERT INTO slow_table VALUES (1);\nSELECT pg_sleep(seconds) FROM hold;", "DROP TABLE slow_table;");
        await using var db = RelGenDatabase.Create(connectionString);

        var migrating = db.RunMigrationsAsync([slow], null, CancellationToken.None);
        var pid = await WaitForBackendAsync(connectionString, "pg_sleep(seconds)");
        Assert.That(await ScalarAsync<bool>(ConnectionString, $"SELECT pg_terminate_backend({pid})"), Is.True);

        var error = Assert.ThrowsAsync<MigrationFailedException>(async () => await migrating)!;
        Assert.That(error.SqlState, Is.EqualTo("57P01"), "admin_shutdown: the backend was terminated");
        Assert.That(error.Migration, Is.EqualTo("20250101000001_Slow"));
        Assert.That(await TableExistsAsync(connectionString, "slow_table"), Is.False, "its transaction died with it");
        Assert.That(await HistoryAsync(connectionString), Is.Empty);

        // The lock went with the backend: the next start runs at once.
        await ExecuteAsync(connectionString, "UPDATE hold SET seconds = 0");
        await using var again = RelGenDatabase.Create(connectionString);
        Assert.That((await again.RunMigrationsAsync([slow], null, CancellationToken.None)).Applied, Is.EqualTo(new[] { slow.Name }));
        Assert.That(await ScalarAsync<long>(connectionString, "SELECT count(*) FROM slow_table"), Is.EqualTo(1));
    }

    /// <summary>Polls until a backend of this database waits for an advisory lock (bounded: 30 s).</summary>
    static async Task WaitForAdvisoryLockWaiterAsync(string connectionString)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await ScalarAsync<bool>(connectionString,
                    "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))"))
                return;
            await Task.Delay(100);
        }
        Assert.Fail("No migrator came to wait for the advisory lock.");
    }

    /// <summary>Polls until a backend of this database runs a query containing <paramref name="text"/>, and returns its pid (bounded: 30 s).</summary>
    static async Task<int> WaitForBackendAsync(string connectionString, string text)
    {
        for (var i = 0; i < 300; i++)
        {
            var pid = await ScalarAsync<object>(connectionString,
                $"SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE '%{text}%' AND pid <> pg_backend_pid()");
            if (pid is int found)
                return found;
            await Task.Delay(100);
        }
        Assert.Fail($"No backend ran '{text}'.");
        return 0;
    }
}
