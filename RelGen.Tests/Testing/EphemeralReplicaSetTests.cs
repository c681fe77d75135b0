using Npgsql;
using RelGen.Testing;
using static RelGen.Tests.Testing.ServerProcesses;

namespace RelGen.Tests.Testing;

/// <summary>
/// A primary with a streaming standby, started by the tests (PostgreSQL's binaries are all they
/// need). Most tests share one set; failover and dispose get sets of their own.
/// </summary>
[Category("Replica")]
public sealed class EphemeralReplicaSetTests
{
    EphemeralReplicaSet replicas = null!;
    ReplicaSetDatabase db = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        replicas = await StartSetAsync();
        db = await replicas.CreateDatabaseAsync();
        await ExecuteAsync(db.PrimaryConnectionString, "CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)");
        await ExecuteAsync(db.PrimaryConnectionString, "CREATE ROLE app_user LOGIN");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (replicas is not null)
            await replicas.DisposeAsync();
    }

    [Test]
    public async Task Standby_AnswersReadsOfWhatThePrimaryWrote()
    {
        await ExecuteAsync(db.PrimaryConnectionString, "INSERT INTO note VALUES (1, 'first')");
        await replicas.WaitForStandbyToCatchUpAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await ScalarAsync<string>(db.StandbyConnectionString, "SELECT body FROM note WHERE id = 1"), Is.EqualTo("first"));
            Assert.That(await replicas.Standby.IsInRecoveryAsync(), Is.True);
            Assert.That(await replicas.Primary.IsInRecoveryAsync(), Is.False);
            Assert.That(replicas.Standby.Port, Is.Not.EqualTo(replicas.Primary.Port));
        }
    }

    [Test]
    public async Task Standby_RefusesWrites_WithSqlState25006()
    {
        long before = await ScalarAsync<long>(db.PrimaryConnectionString, "SELECT count(*) FROM note");

        var refused = Assert.ThrowsAsync<PostgresException>(
            async () => await ExecuteAsync(db.StandbyConnectionString, "INSERT INTO note VALUES (99, 'nope')"));

        Assert.That(refused!.SqlState, Is.EqualTo(PostgresErrorCodes.ReadOnlySqlTransaction).And.EqualTo("25006"));
        Assert.That(await ScalarAsync<long>(db.PrimaryConnectionString, "SELECT count(*) FROM note"), Is.EqualTo(before));
    }

    [Test]
    public async Task Standby_CatchesUpAfterAWrite()
    {
        await ExecuteAsync(db.PrimaryConnectionString, "INSERT INTO note VALUES (2, 'draft') ON CONFLICT (id) DO UPDATE SET body = 'draft'");
        await replicas.WaitForStandbyToCatchUpAsync();
        await ExecuteAsync(db.PrimaryConnectionString, "UPDATE note SET body = 'final' WHERE id = 2");

        await replicas.WaitForStandbyToCatchUpAsync();
        var lag = await replicas.GetReplicationLagAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await ScalarAsync<string>(db.StandbyConnectionString, "SELECT body FROM note WHERE id = 2"), Is.EqualTo("final"));
            Assert.That(lag.StandbyReplayLsn, Is.GreaterThanOrEqualTo(lag.PrimaryFlushLsn));
            Assert.That(lag.CaughtUp, Is.True);
            Assert.That(lag.Bytes, Is.Zero);
        }
    }

    [Test]
    public async Task WaitForStandbyToReplayAsync_WaitsForTheLsnOfACommit()
    {
        await using var primary = new NpgsqlConnection(db.PrimaryConnectionString);
        await primary.OpenAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO note VALUES (3, 'by lsn') ON CONFLICT (id) DO UPDATE SET body = 'by lsn'", primary))
            await insert.ExecuteNonQueryAsync();
        var commitLsn = await ScalarAsync<NpgsqlTypes.NpgsqlLogSequenceNumber>(primary, "SELECT pg_current_wal_lsn()");

        await replicas.WaitForStandbyToReplayAsync(commitLsn, TimeSpan.FromSeconds(30));

        Assert.That(await ScalarAsync<string>(db.StandbyConnectionString, "SELECT body FROM note WHERE id = 3"), Is.EqualTo("by lsn"));
    }

    [Test]
    public async Task RemoteApplyCommit_WaitsUntilTheStandbyHasAppliedIt()
    {
        // The standby is the primary's synchronous standby: a session asking for remote_apply waits
        // until the standby has applied its commit, so a read there right after it is never stale.
        await using var primary = new NpgsqlConnection(db.PrimaryConnectionString + ";Options=-c synchronous_commit=remote_apply;Pooling=false");
        await primary.OpenAsync();
        await using var standby = new NpgsqlConnection(db.StandbyConnectionString + ";Pooling=false");
        await standby.OpenAsync();
        await using var insert = new NpgsqlCommand("INSERT INTO note VALUES (6, 'applied') ON CONFLICT (id) DO NOTHING", primary);
        await ScalarAsync<object>(standby, "SELECT pg_wal_replay_pause()");
        Task<int> commit;
        try
        {
            commit = insert.ExecuteNonQueryAsync();
            await Task.Delay(300);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(commit.IsCompleted, Is.False, "the commit waits while the standby's replay is paused");
                Assert.That(await ScalarAsync<bool>(standby, "SELECT EXISTS (SELECT FROM note WHERE id = 6)"), Is.False);
            }
        }
        finally
        {
            await ScalarAsync<object>(standby, "SELECT pg_wal_replay_resume()");
        }

        Assert.That(await commit.WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo(1));
        Assert.That(await ScalarAsync<bool>(standby, "SELECT EXISTS (SELECT FROM note WHERE id = 6)"), Is.True, "visible as soon as the commit returns");
    }

    [Test]
    public async Task MultiHostConnectionString_ReachesThePrimaryOrTheStandbyAsAsked()
    {
        Assert.That(db.MultiHostConnectionString, Does.Contain($"127.0.0.1:{replicas.Primary.Port},127.0.0.1:{replicas.Standby.Port}"));
        await using var both = new NpgsqlDataSourceBuilder(db.MultiHostConnectionString).BuildMultiHost();

        await using var writer = await both.OpenConnectionAsync(TargetSessionAttributes.Primary);
        await using var reader = await both.OpenConnectionAsync(TargetSessionAttributes.Standby);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(writer.Port, Is.EqualTo(replicas.Primary.Port));
            Assert.That(reader.Port, Is.EqualTo(replicas.Standby.Port));
            Assert.That(await ScalarAsync<string>(reader, "SHOW transaction_read_only"), Is.EqualTo("on"));
            Assert.That(await ScalarAsync<string>(writer, "SELECT current_database()"), Is.EqualTo(db.Name));
        }
    }

    [Test]
    public async Task TerminateBackendsAsync_EndsOnlyTheSessionsOfThatApplication()
    {
        await using var victim = new NpgsqlConnection(db.StandbyConnectionString + ";Application Name=victim;Pooling=false");
        await using var bystander = new NpgsqlConnection(db.StandbyConnectionString + ";Application Name=bystander;Pooling=false");
        await victim.OpenAsync();
        await bystander.OpenAsync();

        int ended = await replicas.Standby.TerminateBackendsAsync("victim");

        Assert.That(ended, Is.EqualTo(1));
        Assert.That(async () => await ScalarAsync<int>(victim, "SELECT 1"), Throws.InstanceOf<NpgsqlException>());
        Assert.That(await ScalarAsync<int>(bystander, "SELECT 1"), Is.EqualTo(1));
    }

    [Test]
    public async Task TerminateAllBackendsAsync_WithoutSuperusers_SparesTheHarnessSessions()
    {
        var asAppUser = new NpgsqlConnectionStringBuilder(db.PrimaryConnectionString) { Username = "app_user", Pooling = false };
        await using var app = new NpgsqlConnection(asAppUser.ConnectionString);
        await using var harness = new NpgsqlConnection(db.PrimaryConnectionString + ";Pooling=false");
        await app.OpenAsync();
        await harness.OpenAsync();

        int ended = await replicas.Primary.TerminateAllBackendsAsync(includeSuperusers: false);

        Assert.That(ended, Is.EqualTo(1));
        Assert.That(async () => await ScalarAsync<int>(app, "SELECT 1"), Throws.InstanceOf<NpgsqlException>());
        Assert.That(await ScalarAsync<int>(harness, "SELECT 1"), Is.EqualTo(1));
    }

    [Test]
    public async Task StoppedStandby_StartedAgain_CatchesUpOnWhatItMissed()
    {
        int port = replicas.Standby.Port;
        await replicas.Standby.StopAsync(ShutdownMode.Fast);
        Assert.That(replicas.Standby.IsRunning, Is.False);

        await ExecuteAsync(db.PrimaryConnectionString, "INSERT INTO note VALUES (4, 'while the standby was down') ON CONFLICT (id) DO NOTHING");
        await replicas.Standby.StartAsync();
        ForgetPooledConnections(db.StandbyConnectionString);   // They point at the server that stopped.
        await replicas.WaitForStandbyToCatchUpAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(replicas.Standby.IsRunning, Is.True);
            Assert.That(replicas.Standby.Port, Is.EqualTo(port));
            Assert.That(await ScalarAsync<string>(db.StandbyConnectionString, "SELECT body FROM note WHERE id = 4"), Is.EqualTo("while the standby was down"));
        }
    }

    [Test]
    public async Task RestartedPrimary_StreamsToTheStandbyAgain()
    {
        int pidBefore = PidInFile(Path.Combine(replicas.Primary.DataDirectory, "postmaster.pid"));

        await replicas.Primary.RestartAsync(ShutdownMode.Immediate);
        ForgetPooledConnections(db.PrimaryConnectionString);
        await ExecuteAsync(db.PrimaryConnectionString, "INSERT INTO note VALUES (5, 'after the restart') ON CONFLICT (id) DO NOTHING");
        await replicas.WaitForStandbyToCatchUpAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(PidInFile(Path.Combine(replicas.Primary.DataDirectory, "postmaster.pid")), Is.Not.EqualTo(pidBefore));
            Assert.That(IsRunning(pidBefore), Is.False);
            Assert.That(await ScalarAsync<string>(db.StandbyConnectionString, "SELECT body FROM note WHERE id = 5"), Is.EqualTo("after the restart"));
        }
    }

    [Test]
    public void PromoteAsync_OnThePrimary_IsRefused() =>
        Assert.That(
            async () => await replicas.Primary.PromoteAsync(),
            Throws.InvalidOperationException.With.Message.Contains("primary").And.Message.Contains("not a standby"));

    [Test]
    public async Task Failover_PromotedStandbyTakesWrites_AndKeepsEveryAcknowledgedCommit()
    {
        await using var own = await StartSetAsync();
        var ownDb = await own.CreateDatabaseAsync();
        await ExecuteAsync(ownDb.PrimaryConnectionString, "CREATE TABLE ledger (id int PRIMARY KEY)");
        for (int i = 1; i <= 50; i++)
            await ExecuteAsync(ownDb.PrimaryConnectionString, $"INSERT INTO ledger VALUES ({i})");
        await own.WaitForStandbyToCatchUpAsync();

        await own.Primary.StopAsync(ShutdownMode.Immediate);
        Assert.That(own.Primary.IsRunning, Is.False);
        await own.Standby.PromoteAsync();
        await ExecuteAsync(ownDb.StandbyConnectionString, "INSERT INTO ledger VALUES (51)");

        await using var both = new NpgsqlDataSourceBuilder(ownDb.MultiHostConnectionString).BuildMultiHost();
        await using var writer = await both.OpenConnectionAsync(TargetSessionAttributes.Primary);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await own.Standby.IsInRecoveryAsync(), Is.False);
            Assert.That(await ScalarAsync<long>(ownDb.StandbyConnectionString, "SELECT count(*) FROM ledger"), Is.EqualTo(51));
            Assert.That(writer.Port, Is.EqualTo(own.Standby.Port), "the multi-host string finds the new primary");
        }
    }

    [Test]
    public async Task DisposeAsync_LeavesNoProcessAndNoFolder()
    {
        var own = await StartSetAsync();
        var ownDb = await own.CreateDatabaseAsync();
        string[] folders = [Path.GetDirectoryName(own.Primary.DataDirectory)!, Path.GetDirectoryName(own.Standby.DataDirectory)!];
        int[] postmasters = [.. new[] { own.Primary, own.Standby }.Select(m => PidInFile(Path.Combine(m.DataDirectory, "postmaster.pid")))];
        Assert.That(postmasters.Select(IsRunning), Is.All.True);
        // Clients still connected to either server must not keep it up.
        await using var writer = new NpgsqlConnection(ownDb.PrimaryConnectionString);
        await using var reader = new NpgsqlConnection(ownDb.StandbyConnectionString);
        await writer.OpenAsync();
        await reader.OpenAsync();

        await own.DisposeAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(postmasters.Select(IsRunning), Is.All.False, "both postmasters are gone");
            Assert.That(folders, Has.None.Matches<string>(Directory.Exists), "both folders are gone");
            Assert.That(folders.SelectMany(Mentioning), Is.Empty, "no process names either folder");
        }
    }

    [TestCase(ShutdownMode.Fast)]
    [TestCase(ShutdownMode.Immediate)]
    public async Task DisposeAsync_AfterARestart_LeavesNoProcess(ShutdownMode mode)
    {
        // pg_ctl restart starts the postmaster without its folder on the command line: dispose must still find and stop it.
        var own = await StartSetAsync();
        string folder = Path.GetDirectoryName(own.Primary.DataDirectory)!;
        await own.Primary.RestartAsync(mode);
        int restarted = PidInFile(Path.Combine(own.Primary.DataDirectory, "postmaster.pid"));
        Assert.That(own.Primary.IsRunning, Is.True, "the restarted server is known to be running");

        await own.DisposeAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(IsRunning(restarted), Is.False, "the restarted postmaster is gone");
            Assert.That(Directory.Exists(folder), Is.False);
            Assert.That(Mentioning(folder), Is.Empty, "no process runs in or names the folder");
        }
    }

    static void ForgetPooledConnections(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(connection);
    }

    static async Task<EphemeralReplicaSet> StartSetAsync()
    {
        try
        {
            return await EphemeralReplicaSet.StartAsync();
        }
        catch (PostgresNotFoundException) when (Environment.GetEnvironmentVariable(EphemeralPostgres.ConnectionEnvironmentVariable) is { Length: > 0 })
        {
            Assert.Ignore("No PostgreSQL binaries here (the run uses RELGEN_TEST_CONNECTION); a replica set needs initdb, pg_ctl and pg_basebackup. Install PostgreSQL (apt-get install postgresql) to run the Replica tests.");
            throw;
        }
    }
}
