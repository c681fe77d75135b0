using DotNet.Testcontainers.Configurations;
using Npgsql;

namespace RelGen.Testing;

/// <summary>
/// A throwaway PostgreSQL server for tests, removed with everything it left on dispose. It comes from
/// one of three places (<see cref="EphemeralPostgresMode"/>): the machine's PostgreSQL binaries (a
/// server on a free loopback port with its data in a temporary folder), a container on a Docker engine
/// (through Testcontainers.PostgreSql), or the existing server <c>RELGEN_TEST_CONNECTION</c> names.
/// The API is the same for all three.
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

    /// <summary>Chooses the mode when the code leaves it to <see cref="EphemeralPostgresMode.Auto"/>: <c>local</c>, <c>container</c>, <c>external</c> or <c>auto</c>.</summary>
    public const string ModeEnvironmentVariable = "RELGEN_TEST_MODE";

    /// <summary>The container mode's image (e.g. <c>postgres:16</c>) when the code names none.</summary>
    public const string ImageEnvironmentVariable = "RELGEN_TEST_IMAGE";

    /// <summary>The container mode's pull policy when the code sets none: <c>missing</c>, <c>always</c> or <c>never</c>.</summary>
    public const string PullPolicyEnvironmentVariable = "RELGEN_TEST_PULL";

    readonly IThrowawayServer? server;
    readonly object gate = new();
    readonly List<string> createdDatabases = [];
    int disposed;

    EphemeralPostgres(string connectionString, EphemeralPostgresMode mode, IThrowawayServer? server)
    {
        ConnectionString = connectionString;
        Mode = mode;
        this.server = server;
        Port = new NpgsqlConnectionStringBuilder(connectionString).Port;
    }

    /// <summary>The connection string of the server's maintenance database (<c>postgres</c>, or the one the variable names).</summary>
    public string ConnectionString { get; }

    /// <summary>Where the server came from: <see cref="EphemeralPostgresMode.Local"/>, <see cref="EphemeralPostgresMode.Container"/> or <see cref="EphemeralPostgresMode.External"/>.</summary>
    public EphemeralPostgresMode Mode { get; }

    /// <summary>True when the server comes from <c>RELGEN_TEST_CONNECTION</c> rather than being started here.</summary>
    public bool IsExternal => Mode == EphemeralPostgresMode.External;

    /// <summary>A local server's data folder (it holds <c>postmaster.pid</c>); null in the other modes.</summary>
    public string? DataDirectory => (server as LocalCluster)?.DataDirectory;

    /// <summary>The container's id in the container mode; null in the other modes.</summary>
    public string? ContainerId => (server as PostgresContainer)?.Id;

    /// <summary>The server's TCP port (in the container mode, the port published on the engine's host).</summary>
    public int Port { get; }

    /// <summary>
    /// Starts a server and returns once it accepts connections: a local one (about a second) when
    /// PostgreSQL's binaries are installed, else a container when a Docker engine answers; or, when
    /// <c>RELGEN_TEST_CONNECTION</c> is set, checks that server answers and starts nothing.
    /// <c>RELGEN_TEST_MODE</c> overrides the choice.
    /// </summary>
    /// <exception cref="PostgresNotFoundException">
    /// Nothing to get a server from (or the chosen mode has nothing to work with); the message says how to fix it.
    /// </exception>
    public static Task<EphemeralPostgres> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(EphemeralPostgresOptions.Default, cancellationToken);

    /// <summary>As <see cref="StartAsync(CancellationToken)"/>, with the mode, image or pull policy chosen in code.</summary>
    /// <exception cref="PostgresNotFoundException">
    /// Nothing to get a server from (or the chosen mode has nothing to work with); the message says how to fix it.
    /// </exception>
    public static async Task<EphemeralPostgres> StartAsync(EphemeralPostgresOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();

        var mode = ChooseMode(options);
        string? external = options.GetEnvironmentVariable(ConnectionEnvironmentVariable);
        PostgresBinaries? binaries = null;
        IDockerEndpointAuthenticationConfiguration? engine = null;
        if (mode == EphemeralPostgresMode.Auto)
        {
            if (!string.IsNullOrWhiteSpace(external))
                mode = EphemeralPostgresMode.External;
            else if (!OperatingSystem.IsWindows() && (binaries = await PostgresBinaries.TryLocateAsync(options, cancellationToken).ConfigureAwait(false)) is not null)
                mode = EphemeralPostgresMode.Local;
            else if ((engine = options.FindDockerEngine()) is not null)
                mode = EphemeralPostgresMode.Container;
            else
                throw NothingFound(options);
        }

        return mode switch
        {
            EphemeralPostgresMode.External => await StartExternalAsync(external, cancellationToken).ConfigureAwait(false),
            EphemeralPostgresMode.Container => await StartContainerAsync(options, engine, cancellationToken).ConfigureAwait(false),
            _ => await StartLocalAsync(options, binaries, cancellationToken).ConfigureAwait(false),
        };
    }

    static EphemeralPostgresMode ChooseMode(EphemeralPostgresOptions options)
    {
        if (options.Mode != EphemeralPostgresMode.Auto)
            return options.Mode;
        string? chosen = options.GetEnvironmentVariable(ModeEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(chosen))
            return EphemeralPostgresMode.Auto;
        return Enum.TryParse(chosen.Trim(), ignoreCase: true, out EphemeralPostgresMode mode) && Enum.IsDefined(mode)
            ? mode
            : throw new ArgumentException($"{ModeEnvironmentVariable} is '{chosen}'; use one of: auto, local, container, external.");
    }

    static async Task<EphemeralPostgres> StartExternalAsync(string? external, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(external))
        {
            throw new PostgresNotFoundException(
                $"The external mode uses the server {ConnectionEnvironmentVariable} names, but it is not set; set it to the connection string of a server where the user may create databases, "
                + $"e.g. {ConnectionEnvironmentVariable}=\"Host=localhost;Username=postgres;Password=secret\".");
        }
        var server = new EphemeralPostgres(ParseExternal(external), EphemeralPostgresMode.External, server: null);
        await server.WaitUntilAcceptingAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        return server;
    }

    static async Task<EphemeralPostgres> StartContainerAsync(
        EphemeralPostgresOptions options, IDockerEndpointAuthenticationConfiguration? engine, CancellationToken cancellationToken)
    {
        engine ??= options.FindDockerEngine() ?? throw new PostgresNotFoundException(
            "The container mode needs a Docker engine, and none answered." + Environment.NewLine + DockerEngine.Remedies(options.GetEnvironmentVariable));
        string image = options.ContainerImage
            ?? NonEmpty(options.GetEnvironmentVariable(ImageEnvironmentVariable))
            ?? EphemeralPostgresOptions.DefaultContainerImage;
        var pullPolicy = options.ContainerPullPolicy ?? ParsePullPolicy(options.GetEnvironmentVariable(PullPolicyEnvironmentVariable));

        await StaleContainerSweeper.SweepOnceAsync(engine, cancellationToken).ConfigureAwait(false);
        var container = await PostgresContainer.StartAsync(engine, image, pullPolicy, cancellationToken).ConfigureAwait(false);
        try
        {
            var server = new EphemeralPostgres(container.ConnectionString, EphemeralPostgresMode.Container, container);
            // pg_isready answered inside the container; this proves the published port from the client side.
            await server.WaitUntilAcceptingAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await container.RemoveAsync(async: true).ConfigureAwait(false);
            ServerRegistry.Remove(container);
            throw;
        }
    }

    static async Task<EphemeralPostgres> StartLocalAsync(EphemeralPostgresOptions options, PostgresBinaries? binaries, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException(
                $"EphemeralPostgres cannot start a local server on Windows; set {ConnectionEnvironmentVariable} to the connection string of a server where the user may create databases, "
                + $"or run Docker and set {ModeEnvironmentVariable}=container.");
        }

        binaries ??= await PostgresBinaries.LocateAsync(options, cancellationToken).ConfigureAwait(false);
        StaleClusterSweeper.SweepOnce(options.TempRoot);
        var cluster = LocalCluster.Create(options.TempRoot, binaries, runAsPostgres: UnixProcess.IsRoot);
        ServerRegistry.Add(cluster);   // From here on an exit hook can remove it.
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
            var server = new EphemeralPostgres(connectionString, EphemeralPostgresMode.Local, cluster);
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
            ServerRegistry.Remove(cluster);
            throw;
        }
    }

    static PostgresNotFoundException NothingFound(EphemeralPostgresOptions options) =>
        new($"No PostgreSQL server binaries (initdb, pg_ctl) were found to start a throwaway server, {ConnectionEnvironmentVariable} is not set, and no Docker engine answered. "
            + PostgresBinaries.SearchedPlaces(options)
            + Environment.NewLine + PostgresBinaries.Remedies
            + Environment.NewLine + DockerEngine.Remedies(options.GetEnvironmentVariable));

    static ContainerImagePullPolicy ParsePullPolicy(string? text) =>
        string.IsNullOrWhiteSpace(text) ? ContainerImagePullPolicy.Missing
        : Enum.TryParse(text.Trim(), ignoreCase: true, out ContainerImagePullPolicy policy) && Enum.IsDefined(policy) ? policy
        : throw new ArgumentException($"{PullPolicyEnvironmentVariable} is '{text}'; use one of: missing, always, never.");

    static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

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
    /// Stops a started server and deletes its folder or container; on an external server, drops the
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

        if (server is not null)
        {
            await server.RemoveAsync(async: true).ConfigureAwait(false);
            ServerRegistry.Remove(server);
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

    /// <summary>Where the server runs: its port, and its data directory or container, or that it is an external one.</summary>
    public override string ToString() => server switch
    {
        LocalCluster cluster => $"PostgreSQL on port {Port}, data in {cluster.DataDirectory}",
        PostgresContainer container => $"PostgreSQL in container {container.Id[..Math.Min(12, container.Id.Length)]} ({container.Image}) on port {Port}",
        _ => $"external PostgreSQL on port {Port}",
    };

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
