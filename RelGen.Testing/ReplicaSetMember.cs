using Npgsql;

namespace RelGen.Testing;

/// <summary>
/// One server of an <see cref="EphemeralReplicaSet"/>: its address, and the operations a test of
/// routing or failover needs (stop, start, restart, promote, kill sessions). A member keeps its
/// name, port and data when its role changes: after <see cref="PromoteAsync"/> the set's
/// <see cref="EphemeralReplicaSet.Standby"/> is the writable one.
/// </summary>
public sealed class ReplicaSetMember
{
    readonly LocalCluster cluster;

    internal ReplicaSetMember(string name, LocalCluster cluster)
    {
        Name = name;
        this.cluster = cluster;
        ConnectionString = ConnectionStringFor("postgres");
    }

    /// <summary>The role the server was started in: <c>primary</c> or <c>standby</c>.</summary>
    public string Name { get; }

    /// <summary>The server's TCP port on 127.0.0.1; it stays the same across stops and restarts.</summary>
    public int Port => cluster.Port;

    /// <summary>The connection string of the server's <c>postgres</c> database, as user <c>postgres</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>The server's data folder (it holds <c>postmaster.pid</c> while the server runs).</summary>
    public string DataDirectory => cluster.DataDirectory;

    /// <summary>True while the server runs: false after <see cref="StopAsync"/> until <see cref="StartAsync"/>.</summary>
    public bool IsRunning => cluster.IsRunning;

    internal LocalCluster Cluster => cluster;

    /// <summary>The connection string of <paramref name="database"/> on this server.</summary>
    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
    }.ConnectionString;

    /// <summary>
    /// Stops the server and returns once its processes are gone. <see cref="ShutdownMode.Fast"/> is a
    /// planned stop (sessions end, the standby receives everything written); <see cref="ShutdownMode.Immediate"/>
    /// is a crash. Stopping a stopped server does nothing.
    /// </summary>
    public Task StopAsync(ShutdownMode mode = ShutdownMode.Fast, CancellationToken cancellationToken = default) =>
        cluster.StopAsync(mode, cancellationToken);

    /// <summary>Starts a stopped server on its old port and returns once it accepts connections; a standby resumes streaming.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => cluster.StartAgainAsync(cancellationToken);

    /// <summary>Stops the server (in <paramref name="mode"/>) and starts it again on the same port; starts a stopped server.</summary>
    public Task RestartAsync(ShutdownMode mode = ShutdownMode.Fast, CancellationToken cancellationToken = default) =>
        cluster.RestartAsync(mode, cancellationToken);

    /// <summary>
    /// Promotes a standby to a primary (<c>pg_promote</c>) and returns once it accepts writes.
    /// Stop the old primary first, or there are two primaries.
    /// </summary>
    /// <exception cref="InvalidOperationException">The server is not a standby.</exception>
    public async Task PromoteAsync(CancellationToken cancellationToken = default)
    {
        if (!await IsInRecoveryAsync(cancellationToken).ConfigureAwait(false))
            throw new InvalidOperationException($"The {Name} server (port {Port}) is not a standby, so it cannot be promoted.");
        bool promoted = await AdminSql.ScalarAsync<bool>(ConnectionString, "SELECT pg_promote(true, 60)", cancellationToken).ConfigureAwait(false);
        if (!promoted)
            throw new TimeoutException($"The {Name} server (port {Port}) did not finish its promotion within 60 s.");
    }

    /// <summary>True while the server is a standby (replaying WAL, read-only); false once it is a primary.</summary>
    public Task<bool> IsInRecoveryAsync(CancellationToken cancellationToken = default) =>
        AdminSql.ScalarAsync<bool>(ConnectionString, "SELECT pg_is_in_recovery()", cancellationToken);

    /// <summary>
    /// Ends (<c>pg_terminate_backend</c>) every session whose <c>application_name</c> is
    /// <paramref name="applicationName"/> (Npgsql's <c>Application Name</c>), and returns how many
    /// it ended. Their clients see their connection broken on its next use.
    /// </summary>
    public Task<int> TerminateBackendsAsync(string applicationName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationName);
        return TerminateAsync(applicationName, includeSuperusers: true, cancellationToken);
    }

    /// <summary>
    /// Ends every client session but the one issuing this (replication and background processes
    /// are spared), and returns how many it ended. With <paramref name="includeSuperusers"/> false,
    /// sessions of superusers are spared too (a harness that connects as <c>postgres</c> while the
    /// code under test uses an ordinary role); note that the throwaway servers' own user,
    /// <c>postgres</c>, is a superuser.
    /// </summary>
    public Task<int> TerminateAllBackendsAsync(bool includeSuperusers = true, CancellationToken cancellationToken = default) =>
        TerminateAsync(applicationName: null, includeSuperusers, cancellationToken);

    async Task<int> TerminateAsync(string? applicationName, bool includeSuperusers, CancellationToken cancellationToken)
    {
        var connection = await AdminSql.OpenAsync(ConnectionString, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // PostgreSQL 14+ can wait for the backend to be gone, so the caller's next step sees it gone.
            string terminate = connection.PostgreSqlVersion.Major >= 14 ? "pg_terminate_backend(pid, 10000)" : "pg_terminate_backend(pid)";
            // MATERIALIZED: choose the victims first; a WHERE clause does not promise to test the
            // cheap conditions before calling the function that kills.
            string sql = $"""
                WITH victims AS MATERIALIZED (
                    SELECT a.pid FROM pg_stat_activity a LEFT JOIN pg_roles r ON r.oid = a.usesysid
                    WHERE a.backend_type = 'client backend' AND a.pid <> pg_backend_pid()
                      AND ($1::text IS NULL OR a.application_name = $1::text)
                      AND ($2::bool OR NOT coalesce(r.rolsuper, false)))
                SELECT count(*) FILTER (WHERE {terminate})::int FROM victims
                """;
            return await AdminSql.ScalarAsync<int>(connection, sql, cancellationToken, applicationName, includeSuperusers).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} on port {Port}, data in {DataDirectory}";
}
