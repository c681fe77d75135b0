using Npgsql;

namespace RelGen.Testing;

/// <summary>
/// A throwaway PgBouncer for tests, in front of a PostgreSQL server (typically an
/// <see cref="EphemeralPostgres"/>): started from the machine's <c>pgbouncer</c> on a free loopback
/// port, in transaction pool mode unless told otherwise, its configuration and log in a
/// <c>relgen-pg-*</c> temporary folder, and removed, folder and all, on dispose (or by the exit
/// hooks and the stale-folder sweep, like a throwaway server).
/// </summary>
/// <remarks>
/// Clients are trusted (<c>auth_type = trust</c>; PgBouncer still wants the user in its auth
/// file, which is written with the server connection string's user and password). Every database
/// name is passed through to the same server, and the admin console (database <c>pgbouncer</c>) is
/// open to that user through <see cref="ExecuteConsoleCommandAsync"/>.
/// </remarks>
/// <example>
/// <code>
/// await using var pg = await EphemeralPostgres.StartAsync();
/// await using var bouncer = await EphemeralPgBouncer.StartAsync(await pg.CreateDatabaseAsync());
/// await using var db = RelGenDatabase.Create(bouncer.ConnectionString);   // the same database, through the pooler
/// var pools = await bouncer.ExecuteConsoleCommandAsync("SHOW POOLS");
/// </code>
/// </example>
public sealed class EphemeralPgBouncer : IAsyncDisposable
{
    /// <summary>Holds the path of the <c>pgbouncer</c> program, ahead of PATH and the usual install folders.</summary>
    public const string ProgramEnvironmentVariable = "RELGEN_PGBOUNCER";

    readonly PgBouncerProcess process;
    readonly string user;
    readonly object gate = new();
    readonly HashSet<string> handedOut = new(StringComparer.Ordinal);
    int disposed;

    EphemeralPgBouncer(PgBouncerProcess process, string serverConnectionString, EphemeralPgBouncerOptions options)
    {
        this.process = process;
        user = new NpgsqlConnectionStringBuilder(serverConnectionString).Username!;
        PoolMode = options.PoolMode;
        PoolSize = options.PoolSize;
        ConnectionString = ConnectionStringFor(serverConnectionString);
    }

    /// <summary>The server connection string given to <see cref="StartAsync(string, EphemeralPgBouncerOptions?, CancellationToken)"/>, pointed at the pooler.</summary>
    public string ConnectionString { get; }

    /// <summary>The pooler's TCP port on 127.0.0.1.</summary>
    public int Port => process.Port;

    /// <summary>The pooler's folder (<c>pgbouncer.ini</c>, <c>pgbouncer.log</c>).</summary>
    public string Directory => process.RootDirectory;

    /// <summary>The pool mode it runs in.</summary>
    public PgBouncerPoolMode PoolMode { get; }

    /// <summary>Server connections per database and user.</summary>
    public int PoolSize { get; }

    /// <summary>True until dispose (unless the process was killed from outside).</summary>
    public bool IsRunning => process.IsRunning;

    /// <summary>
    /// Starts PgBouncer in front of the server that <paramref name="serverConnectionString"/> names
    /// (one host), and returns once it listens.
    /// </summary>
    /// <exception cref="PgBouncerNotFoundException">No <c>pgbouncer</c> program was found; the message says how to install it.</exception>
    public static async Task<EphemeralPgBouncer> StartAsync(
        string serverConnectionString, EphemeralPgBouncerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(serverConnectionString);
        cancellationToken.ThrowIfCancellationRequested();
        options ??= new EphemeralPgBouncerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PoolSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxClientConnections, 1, nameof(options));
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("EphemeralPgBouncer does not start PgBouncer on Windows.");

        var server = new NpgsqlConnectionStringBuilder(serverConnectionString);
        if (server.Host is null || server.Host.Contains(',', StringComparison.Ordinal))
            throw new ArgumentException($"PgBouncer goes in front of one server; the connection string names '{server.Host}'.", nameof(serverConnectionString));
        if (string.IsNullOrEmpty(server.Username))
            throw new ArgumentException("The connection string names no user (Username=...), which PgBouncer's auth file needs.", nameof(serverConnectionString));
        var settings = new PgBouncerSettings(
            server.Host, server.Port, server.Username, server.Password, options.PoolMode, options.PoolSize, options.MaxClientConnections);

        string program = PgBouncerProcess.Locate(options);
        StaleClusterSweeper.SweepOnce(options.TempRoot);
        var process = PgBouncerProcess.Create(options.TempRoot, program, runAsPostgres: UnixProcess.IsRoot);
        ServerRegistry.Add(process);   // From here on an exit hook can remove it.
        try
        {
            await process.StartAsync(settings, cancellationToken).ConfigureAwait(false);
            return new EphemeralPgBouncer(process, serverConnectionString, options);
        }
        catch
        {
            try
            {
                await process.RemoveAsync(async: true).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The start failure is the error worth reporting; a later start sweeps the folder once this process is gone.
            }
            ServerRegistry.Remove(process);
            throw;
        }
    }

    /// <summary>
    /// <paramref name="serverConnectionString"/> (another database of the same server, say) pointed
    /// at the pooler: host and port change, everything else stays.
    /// </summary>
    public string ConnectionStringFor(string serverConnectionString)
    {
        string pooled = new NpgsqlConnectionStringBuilder(serverConnectionString) { Host = "127.0.0.1", Port = Port }.ConnectionString;
        lock (gate)
            handedOut.Add(pooled);
        return pooled;
    }

    /// <summary>
    /// Runs a command on PgBouncer's admin console (<c>SHOW POOLS</c>, <c>SHOW CONFIG</c>, <c>PAUSE</c>,
    /// <c>RECONNECT</c>, …) and returns its rows, each column by name, every value as text.
    /// </summary>
    /// <exception cref="InvalidOperationException">The console refused the command (the message is PgBouncer's).</exception>
    public Task<IReadOnlyList<IReadOnlyDictionary<string, string?>>> ExecuteConsoleCommandAsync(string command, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        return PgBouncerConsole.QueryAsync(Port, user, command, cancellationToken);
    }

    /// <summary>Stops PgBouncer and deletes its folder; the server behind it is left alone.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
            return;
        string[] pooled;
        lock (gate)
            pooled = [.. handedOut];
        // Idle pooled connections to the pooler would fail on their next use.
        foreach (string connectionString in pooled)
        {
            using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }
        await process.RemoveAsync(async: true).ConfigureAwait(false);
        ServerRegistry.Remove(process);
    }

    /// <inheritdoc/>
    public override string ToString() => $"PgBouncer ({PoolMode.ToString().ToLowerInvariant()} pooling, {PoolSize} per pool) on port {Port}, folder {Directory}";
}
