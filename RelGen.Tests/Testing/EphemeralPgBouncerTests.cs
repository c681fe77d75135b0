using System.Net.Sockets;
using Npgsql;
using RelGen.Testing;
using static RelGen.Tests.Testing.ServerProcesses;

namespace RelGen.Tests.Testing;

/// <summary>
/// A throwaway PgBouncer in front of the run's server. Ignored, with a how-to, where pgbouncer is
/// not installed (unless RELGEN_REQUIRE_PGBOUNCER=1).
/// </summary>
[Category("PgBouncer")]
public sealed class EphemeralPgBouncerTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    EphemeralPostgres server = null!;
    string database = "";
    EphemeralPgBouncer bouncer = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        server = await PostgresSetUp.GetServerAsync();
        database = await server.CreateDatabaseAsync();
        bouncer = await PgBouncerRequirement.StartAsync(database, new EphemeralPgBouncerOptions { PoolSize = 2 });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (bouncer is not null)
            await bouncer.DisposeAsync();
    }

    [Test]
    public async Task Queries_GoThroughThePooler_ToTheSameDatabase()
    {
        await using var connection = new NpgsqlConnection(bouncer.ConnectionString);
        await connection.OpenAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(connection.Port, Is.EqualTo(bouncer.Port));
            Assert.That(bouncer.Port, Is.Not.EqualTo(server.Port));
            Assert.That(await ScalarAsync<string>(connection, "SELECT current_database()"),
                Is.EqualTo(new NpgsqlConnectionStringBuilder(database).Database));
            // The server sees the query arrive on its own port, from the pooler.
            Assert.That(await ScalarAsync<int>(connection, "SELECT inet_server_port()"), Is.EqualTo(server.Port));
            Assert.That(await ScalarAsync<int>(connection, "SELECT sum(x)::int FROM generate_series(1, 100) x"), Is.EqualTo(5050));
        }
    }

    [Test]
    public async Task ShowPools_ReportsTransactionMode_AndShowConfigThePoolSize()
    {
        string name = new NpgsqlConnectionStringBuilder(database).Database!;
        await using (var connection = new NpgsqlConnection(bouncer.ConnectionString))
        {
            await connection.OpenAsync();   // A pool exists once a client has used it.
            await ScalarAsync<int>(connection, "SELECT 1");
        }

        var pools = await bouncer.ExecuteConsoleCommandAsync("SHOW POOLS");
        var config = await bouncer.ExecuteConsoleCommandAsync("SHOW CONFIG");

        var pool = pools.Single(row => row["database"] == name);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(pool["pool_mode"], Is.EqualTo("transaction"));
            Assert.That(pool["user"], Is.EqualTo("postgres"));
            Assert.That(config.Single(row => row["key"] == "default_pool_size")["value"], Is.EqualTo("2"));
            Assert.That(config.Single(row => row["key"] == "pool_mode")["value"], Is.EqualTo("transaction"));
            Assert.That(bouncer.PoolMode, Is.EqualTo(PgBouncerPoolMode.Transaction));
        }
    }

    [Test]
    public void ConsoleCommand_ThatPgBouncerRefuses_ThrowsItsMessage() =>
        Assert.That(
            async () => await bouncer.ExecuteConsoleCommandAsync("SHOW NO_SUCH_THING"),
            Throws.InvalidOperationException.With.Message.Contains("refused"));

    [Test]
    public async Task TransactionMode_ClientsShareAServerConnection_HeldOnlyForATransaction()
    {
        await using var pooler = await PgBouncerRequirement.StartAsync(database, new EphemeralPgBouncerOptions { PoolSize = 1 });
        await using var a = new NpgsqlConnection(pooler.ConnectionString + ";Pooling=false");
        await using var b = new NpgsqlConnection(pooler.ConnectionString + ";Pooling=false");
        await a.OpenAsync();
        await b.OpenAsync();

        // Both clients are connected at once, yet one server backend serves them both.
        int first = await ScalarAsync<int>(a, "SELECT pg_backend_pid()");
        int second = await ScalarAsync<int>(b, "SELECT pg_backend_pid()");
        Assert.That(second, Is.EqualTo(first));

        // An open transaction holds that connection: the other client waits until it commits.
        await using var transaction = await a.BeginTransactionAsync();
        await ScalarAsync<int>(a, "SELECT 1");
        var waiting = ScalarAsync<int>(b, "SELECT 2");
        await WaitUntilAsync(async () => await WaitingClientsAsync(pooler) == 1);
        Assert.That(waiting.IsCompleted, Is.False, "the second client waits for the transaction");

        await transaction.CommitAsync();

        Assert.That(await waiting.WaitAsync(Patience), Is.EqualTo(2));
    }

    [Test]
    public async Task SessionMode_HoldsTheServerConnectionForTheWholeSession()
    {
        var options = new EphemeralPgBouncerOptions { PoolSize = 1, PoolMode = PgBouncerPoolMode.Session };
        await using var pooler = await PgBouncerRequirement.StartAsync(database, options);
        await using var a = new NpgsqlConnection(pooler.ConnectionString + ";Pooling=false");
        await using var b = new NpgsqlConnection(pooler.ConnectionString + ";Pooling=false");
        await a.OpenAsync();
        await b.OpenAsync();
        await ScalarAsync<int>(a, "SELECT 1");

        // No transaction open, yet b waits: a's session keeps the only server connection.
        var waiting = ScalarAsync<int>(b, "SELECT 2");
        await WaitUntilAsync(async () => await WaitingClientsAsync(pooler) == 1);
        Assert.That(waiting.IsCompleted, Is.False);

        await a.CloseAsync();

        Assert.That(await waiting.WaitAsync(Patience), Is.EqualTo(2));
    }

    [Test]
    public async Task DisposeAsync_StopsThePoolerAndDeletesItsFolder_LeavingTheServerUp()
    {
        var pooler = await PgBouncerRequirement.StartAsync(database);
        string folder = pooler.Directory;
        int pid = PidInFile(Path.Combine(folder, "pgbouncer.pid"));
        int port = pooler.Port;
        await using var client = new NpgsqlConnection(pooler.ConnectionString);
        await client.OpenAsync();
        Assert.That(IsRunning(pid), Is.True);

        await pooler.DisposeAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(IsRunning(pid), Is.False, "the pgbouncer process is gone");
            Assert.That(pooler.IsRunning, Is.False);
            Assert.That(folder, Does.Not.Exist);
            Assert.That(Mentioning(folder), Is.Empty);
            Assert.That(async () => await ConnectAsync(port), Throws.InstanceOf<SocketException>(), "nothing listens on its port");
            Assert.That(await ScalarAsync<int>(database, "SELECT 1"), Is.EqualTo(1), "the server behind it still answers");
        }
    }

    [Test]
    public async Task AbandonedPooler_IsRemovedByTheNextStartsSweep()
    {
        string tempRoot = Directory.CreateTempSubdirectory("relgen-test-").FullName;
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(tempRoot, (UnixFileMode)0b111_101_101);   // reachable by the postgres user
        try
        {
            var pooler = await PgBouncerRequirement.StartAsync(database, new EphemeralPgBouncerOptions { TempRoot = tempRoot });
            string folder = pooler.Directory;
            int pid = PidInFile(Path.Combine(folder, "pgbouncer.pid"));
            // Stage what a test host killed with SIGKILL leaves: a running pooler owned by a dead process.
            File.WriteAllText(Path.Combine(folder, "owner.pid"), DeadProcessId().ToString(System.Globalization.CultureInfo.InvariantCulture));

            StaleClusterSweeper.Sweep(tempRoot);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(IsRunning(pid), Is.False, "the abandoned pgbouncer is stopped");
                Assert.That(folder, Does.Not.Exist);
            }
            await pooler.DisposeAsync();   // Nothing left to do, and that is no error.
        }
        finally
        {
            Directory.Delete(tempRoot, recursive: true);
        }
    }

    static async Task<int> WaitingClientsAsync(EphemeralPgBouncer pooler) =>
        (await pooler.ExecuteConsoleCommandAsync("SHOW POOLS"))
            .Where(row => row["database"] != "pgbouncer")
            .Sum(row => int.Parse(row["cl_waiting"]!, System.Globalization.CultureInfo.InvariantCulture));

    static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Still not so after {Patience.TotalSeconds} s.");
            await Task.Delay(20);
        }
    }

    static async Task ConnectAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
    }
}
