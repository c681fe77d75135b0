using Npgsql;

namespace RelGen.Testing;

/// <summary>
/// A throwaway PostgreSQL server for tests: started from the machine's PostgreSQL binaries on a
/// free loopback port with its data in a temporary folder, and removed, folder and all, on dispose.
/// When <c>RELGEN_TEST_CONNECTION</c> holds a connection string, no server is started and that
/// server is used instead.
/// </summary>
/// <example>
/// <code>
/// await using var pg = await EphemeralPostgres.StartAsync();
/// string connectionString = await pg.CreateDatabaseAsync();   // a fresh, empty database
/// </code>
/// </example>
public sealed class EphemeralPostgres : IAsyncDisposable
{
    /// <summary>Holds the connection string of an existing server to use instead of starting one.</summary>
    public const string ConnectionEnvironmentVariable = "RELGEN_TEST_CONNECTION";

    /// <summary>Holds the folder with initdb and pg_ctl, ahead of any other place they are looked for.</summary>
    public const string BinEnvironmentVariable = "RELGEN_PG_BIN";

    readonly LocalCluster? cluster;
    readonly object gate = new();
    readonly List<string> createdDatabases = [];
    int disposed;

    EphemeralPostgres(string connectionString, LocalCluster? cluster)
    {
        ConnectionString = connectionString;
        this.cluster = cluster;
        Port = new NpgsqlConnectionStringBuilder(connectionString).Port;
    }

    /// <summary>The connection string of the server's maintenance database (<c>postgres</c>, or the one the variable names).</summary>
    public string ConnectionString { get; }

    /// <summary>True when the server comes from <c>RELGEN_TEST_CONNECTION</c> rather than being started here.</summary>
    public bool IsExternal => cluster is null;

    /// <summary>The started server's data folder (it holds <c>postmaster.pid</c>); null for an external server.</summary>
    public string? DataDirectory => cluster?.DataDirectory;

    /// <summary>The server's TCP port.</summary>
    public int Port { get; }

    /// <summary>
    /// Starts a server (about a second) and returns once it accepts connections, or, when
    /// <c>RELGEN_TEST_CONNECTION</c> is set, checks that server answers and starts nothing.
    /// </summary>
    /// <exception cref="PostgresNotFoundException">
    /// Neither PostgreSQL binaries nor <c>RELGEN_TEST_CONNECTION</c> were found; the message says how to fix it.
    /// </exception>
    public static Task<EphemeralPostgres> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(EphemeralPostgresOptions.Default, cancellationToken);

    internal static async Task<EphemeralPostgres> StartAsync(EphemeralPostgresOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        string? external = options.GetEnvironmentVariable(ConnectionEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            var server = new EphemeralPostgres(ParseExternal(external), cluster: null);
            await server.WaitUntilAcceptingAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            return server;
        }

        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException(
                $"EphemeralPostgres cannot start a server on Windows; set {ConnectionEnvironmentVariable} to the connection string of a server where the user may create databases.");
        }

        var binaries = await PostgresBinaries.LocateAsync(options, cancellationToken).ConfigureAwait(false);
        StaleClusterSweeper.SweepOnce(options.TempRoot);
        var cluster = LocalCluster.Create(options.TempRoot, binaries, runAsPostgres: UnixProcess.IsRoot);
        LocalClusterRegistry.Add(cluster);   // From here on an exit hook can remove it.
        try
        {
            await cluster.StartAsync(cancellationToken).ConfigureAwait(false);
            string connectionString = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = cluster.Port,
                Username = "postgres",
                Database = "postgres",
            }.ConnectionString;
            var server = new EphemeralPostgres(connectionString, cluster);
            await server.WaitUntilAcceptingAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            try
            {
                await cluster.RemoveAsync(async: true).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The start failure is the error worth reporting; a later start sweeps the folder once this process is gone.
            }
            LocalClusterRegistry.Remove(cluster);
            throw;
        }
    }

    /// <summary>Creates a new, empty database with a unique name and returns the connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        string name = "relgen_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE \"{name}\"", cancellationToken).ConfigureAwait(false);
        string connectionString = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
        lock (gate)
            createdDatabases.Add(connectionString);
        return connectionString;
    }

    /// <summary>
    /// Stops a started server and deletes its folder; on an external server, drops the
    /// databases <see cref="CreateDatabaseAsync"/> made.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
            return;
        string[] created;
        lock (gate)
            created = [.. createdDatabases];

        // Idle pooled connections would otherwise linger (or block DROP DATABASE).
        foreach (string connectionString in created)
            ClearPool(connectionString);

        if (cluster is not null)
        {
            await cluster.RemoveAsync(async: true).ConfigureAwait(false);
            LocalClusterRegistry.Remove(cluster);
        }
        else
        {
            foreach (string connectionString in created)
            {
                string name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
                // FORCE (PostgreSQL 13+) ends sessions a test left open.
                await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None).ConfigureAwait(false);
            }
        }
        ClearPool(ConnectionString);
    }

    public override string ToString() => IsExternal ? $"external PostgreSQL on port {Port}" : $"PostgreSQL on port {Port}, data in {DataDirectory}";

    static string ParseExternal(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString).ConnectionString;
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{ConnectionEnvironmentVariable} does not hold a valid connection string: {e.Message}", e);
        }
    }

    static void ClearPool(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(connection);
    }

    async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var command = new NpgsqlCommand(sql, connection);
            await using (command.ConfigureAwait(false))
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// pg_ctl -w already waited for the server to report itself ready; this proves it from the
    /// client side, retrying for up to <paramref name="patience"/> (zero: one try).
    /// </summary>
    async Task WaitUntilAcceptingAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            try
            {
                await ExecuteAsync("SELECT 1", cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
