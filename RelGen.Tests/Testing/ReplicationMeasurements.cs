using System.Diagnostics;
using System.Globalization;
using Npgsql;
using RelGen.Testing;

namespace RelGen.Tests.Testing;

/// <summary>
/// Figures for the replica work (issue 16), measured on a throwaway primary and standby: how long
/// a single-row commit takes to show on the standby, how often a read right after it is stale,
/// and what each <c>synchronous_commit</c> level costs a commit. Not a test of behaviour: it prints
/// figures, and only asserts what must hold (remote_apply is never stale). Run by hand:
/// <c>dotnet test --filter FullyQualifiedName~ReplicationMeasurements --logger "console;verbosity=detailed"</c>
/// </summary>
[Explicit("Measures replication on this machine; run it by name.")]
[Category("ReplicaMeasurements")]
[NonParallelizable]
public sealed class ReplicationMeasurements
{
    const int Probes = 300;

    EphemeralReplicaSet replicas = null!;
    ReplicaSetDatabase db = null!;
    int nextId;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        replicas = await EphemeralReplicaSet.StartAsync();
        db = await replicas.CreateDatabaseAsync();
        await ServerProcesses.ExecuteAsync(db.PrimaryConnectionString, "CREATE TABLE probe (id int PRIMARY KEY, payload text NOT NULL)");
        await replicas.WaitForStandbyToCatchUpAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (replicas is not null)
            await replicas.DisposeAsync();
    }

    /// <summary>
    /// Per probe: a random pause of 0–9 ms (so commits fall anywhere in the WAL writer's cycle), one
    /// autocommitted single-row INSERT on the primary, then at once an indexed read of that row on
    /// the standby over an open connection (stale when the row is missing), then the same read in a
    /// tight loop until the row shows: the lag is the time from the INSERT's return to that read.
    /// </summary>
    [TestCase("local")]          // the replica set's default
    [TestCase("off")]            // the plain throwaway server's default
    [TestCase("remote_apply")]   // waits for the standby to apply the commit
    public async Task LagAndStaleReads_AfterASingleRowCommit(string synchronousCommit)
    {
        await using var writer = await OpenAsync(db.PrimaryConnectionString, synchronousCommit);
        await using var reader = await OpenAsync(db.StandbyConnectionString, null);
        await using var insert = new NpgsqlCommand("INSERT INTO probe VALUES ($1, 'x')", writer) { Parameters = { new() { Value = 0 } } };
        await using var visible = new NpgsqlCommand("SELECT EXISTS (SELECT FROM probe WHERE id = $1)", reader) { Parameters = { new() { Value = 0 } } };
        await insert.PrepareAsync();
        await visible.PrepareAsync();
        var random = new Random(16);
        var lags = new List<double>(Probes);
        int stale = 0;

        for (int probe = 0; probe < Probes; probe++)
        {
            await Task.Delay(random.Next(0, 10));
            int id = Interlocked.Increment(ref nextId);
            insert.Parameters[0].Value = id;
            visible.Parameters[0].Value = id;
            await insert.ExecuteNonQueryAsync();
            var clock = Stopwatch.StartNew();
            bool seen = (bool)(await visible.ExecuteScalarAsync())!;
            if (!seen)
                stale++;
            while (!seen)
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(10))
                    Assert.Fail($"Row {id} did not reach the standby within 10 s.");
                seen = (bool)(await visible.ExecuteScalarAsync())!;
            }
            lags.Add(clock.Elapsed.TotalMilliseconds);
        }

        Report(
            $"synchronous_commit={synchronousCommit}: stale reads {stale}/{Probes} ({100.0 * stale / Probes:0.#}%), "
            + $"commit-to-visible on the standby: {Summary(lags)}");
        if (synchronousCommit == "remote_apply")
            Assert.That(stale, Is.Zero);
    }

    /// <summary>The round trip of one autocommitted single-row INSERT on the primary, per synchronous_commit level.</summary>
    [Test]
    public async Task CommitLatency_PerSynchronousCommitLevel()
    {
        string[] levels = ["off", "local", "remote_write", "on", "remote_apply"];
        var results = new Dictionary<string, List<double>>();
        foreach (string level in levels)
            results[level] = [];
        var connections = new Dictionary<string, NpgsqlConnection>();
        try
        {
            foreach (string level in levels)
                connections[level] = await OpenAsync(db.PrimaryConnectionString, level);
            // Interleaved, so that a slow second on this shared machine hits every level alike.
            for (int round = 0; round < Probes; round++)
            {
                foreach (string level in levels)
                {
                    await using var insert = new NpgsqlCommand("INSERT INTO probe VALUES ($1, 'x')", connections[level])
                    {
                        Parameters = { new() { Value = Interlocked.Increment(ref nextId) } },
                    };
                    var clock = Stopwatch.StartNew();
                    await insert.ExecuteNonQueryAsync();
                    results[level].Add(clock.Elapsed.TotalMilliseconds);
                }
            }
        }
        finally
        {
            foreach (var connection in connections.Values)
                await connection.DisposeAsync();
        }

        double localMedian = Percentile(results["local"], 0.5);
        foreach (string level in levels)
            Report($"commit with synchronous_commit={level,-12}: {Summary(results[level])}; median {Percentile(results[level], 0.5) / localMedian:0.00}x local");
        Assert.That(results.Values, Has.All.Count.EqualTo(Probes));
    }

    static async Task<NpgsqlConnection> OpenAsync(string connectionString, string? synchronousCommit)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        if (synchronousCommit is not null)
            builder.Options = $"-c synchronous_commit={synchronousCommit}";
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    static string Summary(List<double> milliseconds) => string.Create(
        CultureInfo.InvariantCulture,
        $"median {Percentile(milliseconds, 0.5):0.00} ms, p90 {Percentile(milliseconds, 0.9):0.00} ms, p99 {Percentile(milliseconds, 0.99):0.00} ms, max {milliseconds.Max():0.00} ms (n={milliseconds.Count})");

    static double Percentile(List<double> values, double fraction)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Floor(fraction * sorted.Count))];
    }

    static void Report(string line) => TestContext.Out.WriteLine(line);
}
