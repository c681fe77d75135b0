using Npgsql;
using NpgsqlTypes;

namespace RelGen.Testing;

/// <summary>
/// A throwaway primary with a streaming hot standby, for tests of read routing, replication lag
/// and failover: two servers made like <see cref="EphemeralPostgres"/>'s (each in its own
/// <c>relgen-pg-*</c> folder, on a free loopback port, removed on dispose or when the process
/// ends), the standby cloned from the primary with <c>pg_basebackup -R</c>.
/// </summary>
/// <remarks>
/// Replication is asynchronous: a commit returns before the standby has it. The standby is also
/// named the primary's synchronous standby, so a session that sets
/// <c>synchronous_commit = remote_apply</c> (or <c>remote_write</c>, <c>on</c>) waits for it; the
/// servers' default is <c>local</c>, which never waits. Unlike <see cref="EphemeralPostgres"/>,
/// <c>RELGEN_TEST_CONNECTION</c> does not apply: the servers are always started here.
/// </remarks>
/// <example>
/// <code>
/// await using var replicas = await EphemeralReplicaSet.StartAsync();
/// ReplicaSetDatabase db = await replicas.CreateDatabaseAsync();
/// // write through db.PrimaryConnectionString, then:
/// await replicas.WaitForStandbyToCatchUpAsync();
/// // read through db.StandbyConnectionString; fail over:
/// await replicas.Primary.StopAsync(ShutdownMode.Immediate);
/// await replicas.Standby.PromoteAsync();
/// </code>
/// </example>
public sealed class EphemeralReplicaSet : IAsyncDisposable
{
    /// <summary>The standby's <c>application_name</c> on the primary, which is also its replication slot's name.</summary>
    public const string StandbyApplicationName = "relgen_standby";

    // Appended to the primary's postgresql.conf, so the standby's copy has them too.
    const string ReplicationSettings = $"""

        # RelGen.Testing: a primary with a streaming standby.
        # Commits flush their WAL (cheap, as fsync is off) so the walsender ships them at once: with the
        # throwaway default (off), a commit may wait in memory for the WAL writer, up to 3 x 200 ms.
        # local rather than on: with a synchronous standby named, on would make every commit wait for it.
        synchronous_commit = local
        # On the standby: no query cancelled by a conflict with the primary's vacuum, its position
        # reported every second (pg_stat_replication), and a lost primary retried after 200 ms, not 5 s.
        hot_standby_feedback = on
        wal_receiver_status_interval = 1s
        wal_retrieve_retry_interval = 200ms

        """;

    static readonly TimeSpan DefaultCatchUpTimeout = TimeSpan.FromSeconds(30);

    readonly object gate = new();
    readonly List<ReplicaSetDatabase> createdDatabases = [];
    int disposed;

    EphemeralReplicaSet(LocalCluster primary, LocalCluster standby)
    {
        Primary = new ReplicaSetMember("primary", primary);
        Standby = new ReplicaSetMember("standby", standby);
        Postgres = Describe("postgres");
    }

    /// <summary>The server started as the primary (after a failover it may be stopped, or a second primary).</summary>
    public ReplicaSetMember Primary { get; }

    /// <summary>The server started as the standby (after <see cref="ReplicaSetMember.PromoteAsync"/>, a primary).</summary>
    public ReplicaSetMember Standby { get; }

    /// <summary>The servers' <c>postgres</c> maintenance database, reached the three ways.</summary>
    public ReplicaSetDatabase Postgres { get; }

    /// <summary>
    /// Starts the primary, clones the standby from it and starts that (a few seconds in all), and
    /// returns once the standby streams from the primary and has replayed everything.
    /// </summary>
    /// <exception cref="PostgresNotFoundException">No PostgreSQL binaries were found; the message says how to install them.</exception>
    public static Task<EphemeralReplicaSet> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(EphemeralPostgresOptions.Default, cancellationToken);

    internal static async Task<EphemeralReplicaSet> StartAsync(EphemeralPostgresOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("EphemeralReplicaSet starts PostgreSQL servers with pg_ctl, which it does not do on Windows.");

        var binaries = await PostgresBinaries.LocateAsync(options, cancellationToken).ConfigureAwait(false);
        StaleClusterSweeper.SweepOnce(options.TempRoot);
        var primary = LocalCluster.Create(options.TempRoot, binaries, runAsPostgres: UnixProcess.IsRoot);
        ServerRegistry.Add(primary);   // From here on an exit hook can remove it.
        LocalCluster? standby = null;
        try
        {
            await primary.StartWithSettingsAsync(ReplicationSettings, cancellationToken).ConfigureAwait(false);
            standby = LocalCluster.Create(options.TempRoot, binaries, runAsPostgres: UnixProcess.IsRoot);
            ServerRegistry.Add(standby);
            await standby.StartAsStandbyAsync(primary, StandbyApplicationName, cancellationToken).ConfigureAwait(false);

            var set = new EphemeralReplicaSet(primary, standby);
            await set.BecomeSynchronousCandidateAsync(cancellationToken).ConfigureAwait(false);
            await set.WaitUntilStreamingAsync(cancellationToken).ConfigureAwait(false);
            await set.WaitForStandbyToCatchUpAsync(cancellationToken).ConfigureAwait(false);
            return set;
        }
        catch
        {
            foreach (var cluster in new[] { standby, primary })
            {
                if (cluster is null)
                    continue;
                try
                {
                    await cluster.RemoveAsync(async: true).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // The start failure is the error worth reporting; a later start sweeps the folder once this process is gone.
                }
                ServerRegistry.Remove(cluster);
            }
            throw;
        }
    }

    /// <summary>
    /// Creates a new, empty database with a unique name on the primary and returns once the
    /// standby has it too.
    /// </summary>
    public async Task<ReplicaSetDatabase> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        string name = "relgen_" + Guid.NewGuid().ToString("N");
        await AdminSql.ExecuteAsync(Primary.ConnectionString, $"CREATE DATABASE \"{name}\"", cancellationToken).ConfigureAwait(false);
        var database = Describe(name);
        lock (gate)
            createdDatabases.Add(database);
        await WaitForStandbyToCatchUpAsync(cancellationToken).ConfigureAwait(false);
        return database;
    }

    /// <summary>
    /// Returns once the standby has replayed everything the primary had flushed when this was
    /// called: every commit acknowledged so far (with the servers' default
    /// <c>synchronous_commit</c>) is then visible on the standby.
    /// </summary>
    /// <exception cref="TimeoutException">The standby did not catch up within 30 seconds.</exception>
    public Task WaitForStandbyToCatchUpAsync(CancellationToken cancellationToken = default) =>
        WaitForStandbyToCatchUpAsync(DefaultCatchUpTimeout, cancellationToken);

    /// <inheritdoc cref="WaitForStandbyToCatchUpAsync(CancellationToken)"/>
    /// <exception cref="TimeoutException">The standby did not catch up within <paramref name="timeout"/>.</exception>
    public async Task WaitForStandbyToCatchUpAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var target = await PrimaryFlushLsnAsync(cancellationToken).ConfigureAwait(false);
        await WaitForStandbyToReplayAsync(target, timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Returns once the standby has replayed the WAL up to <paramref name="lsn"/> (e.g. the
    /// primary's <c>pg_current_wal_lsn()</c> read right after a commit).
    /// </summary>
    /// <exception cref="TimeoutException">The standby did not get there within <paramref name="timeout"/>.</exception>
    public async Task WaitForStandbyToReplayAsync(NpgsqlLogSequenceNumber lsn, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        var deadline = DateTime.UtcNow + timeout;
        var connection = await AdminSql.OpenAsync(Standby.ConnectionString, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            while (true)
            {
                var replayed = await ReplayLsnAsync(connection, cancellationToken).ConfigureAwait(false);
                if (replayed >= lsn)
                    return;
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException(
                        $"The standby (port {Standby.Port}) replayed WAL up to {replayed} but not to {lsn} within {timeout.TotalSeconds:0.#} s; its log is in {Path.GetDirectoryName(Standby.DataDirectory)}.");
                }
                await Task.Delay(1, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>How far the standby is behind the primary now.</summary>
    public async Task<ReplicationLag> GetReplicationLagAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        var connection = await AdminSql.OpenAsync(Primary.ConnectionString, cancellationToken).ConfigureAwait(false);
        NpgsqlLogSequenceNumber flushed;
        TimeSpan? reported;
        await using (connection.ConfigureAwait(false))
        {
            flushed = await AdminSql.ScalarAsync<NpgsqlLogSequenceNumber>(connection, "SELECT pg_current_wal_flush_lsn()", cancellationToken).ConfigureAwait(false);
            object lag = await AdminSql.ScalarAsync<object>(
                connection,
                "SELECT (SELECT replay_lag FROM pg_stat_replication WHERE application_name = $1)",
                cancellationToken,
                StandbyApplicationName).ConfigureAwait(false);
            reported = lag is TimeSpan span ? span : null;
        }
        var standby = await AdminSql.OpenAsync(Standby.ConnectionString, cancellationToken).ConfigureAwait(false);
        await using (standby.ConfigureAwait(false))
            return new ReplicationLag(flushed, await ReplayLsnAsync(standby, cancellationToken).ConfigureAwait(false), reported);
    }

    /// <summary>Stops both servers and deletes their folders, whatever state a test left them in.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
            return;
        ReplicaSetDatabase[] created;
        lock (gate)
            created = [.. createdDatabases];
        // Idle pooled connections to servers about to vanish would fail on their next use.
        foreach (var database in created.Append(Postgres))
        {
            ClearPool(database.PrimaryConnectionString);
            ClearPool(database.StandbyConnectionString);
            ClearPool(database.MultiHostConnectionString);
        }
        foreach (var member in new[] { Standby, Primary })
        {
            await member.Cluster.RemoveAsync(async: true).ConfigureAwait(false);
            ServerRegistry.Remove(member.Cluster);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"PostgreSQL replica set: {Primary}; {Standby}";

    ReplicaSetDatabase Describe(string database) => new(
        database,
        Primary.ConnectionStringFor(database),
        Standby.ConnectionStringFor(database),
        new NpgsqlConnectionStringBuilder
        {
            Host = $"127.0.0.1:{Primary.Port},127.0.0.1:{Standby.Port}",
            Username = "postgres",
            Database = database,
        }.ConnectionString);

    // Set after the base backup, so that the standby's copy of the configuration does not name
    // itself: promoted, it would then make sessions asking for remote_apply wait forever.
    async Task BecomeSynchronousCandidateAsync(CancellationToken cancellationToken)
    {
        await AdminSql.ExecuteAsync(
            Primary.ConnectionString, $"ALTER SYSTEM SET synchronous_standby_names = '{StandbyApplicationName}'", cancellationToken).ConfigureAwait(false);
        await AdminSql.ScalarAsync<bool>(Primary.ConnectionString, "SELECT pg_reload_conf()", cancellationToken).ConfigureAwait(false);
    }

    async Task WaitUntilStreamingAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + DefaultCatchUpTimeout;
        var connection = await AdminSql.OpenAsync(Primary.ConnectionString, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            while (true)
            {
                // 'sync' once the reloaded synchronous_standby_names is in force, so remote_apply waits from here on.
                bool streaming = await AdminSql.ScalarAsync<bool>(
                    connection,
                    "SELECT EXISTS (SELECT FROM pg_stat_replication WHERE application_name = $1 AND state = 'streaming' AND sync_state = 'sync')",
                    cancellationToken,
                    StandbyApplicationName).ConfigureAwait(false);
                if (streaming)
                    return;
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"The standby (port {Standby.Port}) did not start streaming from the primary (port {Primary.Port}) within {DefaultCatchUpTimeout.TotalSeconds:0} s.");
                await Task.Delay(10, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    Task<NpgsqlLogSequenceNumber> PrimaryFlushLsnAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        return AdminSql.ScalarAsync<NpgsqlLogSequenceNumber>(Primary.ConnectionString, "SELECT pg_current_wal_flush_lsn()", cancellationToken);
    }

    // Null only on a server that never was a standby, which the standby member always was.
    static async Task<NpgsqlLogSequenceNumber> ReplayLsnAsync(NpgsqlConnection standby, CancellationToken cancellationToken) =>
        await AdminSql.ScalarAsync<object>(standby, "SELECT pg_last_wal_replay_lsn()", cancellationToken).ConfigureAwait(false) is NpgsqlLogSequenceNumber lsn
            ? lsn
            : throw new InvalidOperationException("The standby server reports no replayed WAL.");

    static void ClearPool(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(connection);
    }
}
