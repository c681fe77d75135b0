using System.Diagnostics;
using System.Globalization;
using Npgsql;
using RelGen.Testing;

namespace RelGen.Tests.Testing;

// Not in parallel with other fixtures: some tests count the servers' temporary folders.
[NonParallelizable]
public sealed class EphemeralPostgresTests
{
    [Test]
    public async Task StartAsync_StartsAServerThatAnswers()
    {
        await using var pg = await StartOwnServerAsync();

        string? version = await ScalarAsync<string>(pg.ConnectionString, "SELECT version()");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(version, Does.StartWith("PostgreSQL "));
            Assert.That(await ScalarAsync<string>(pg.ConnectionString, "SHOW fsync"), Is.EqualTo("off"));
            Assert.That(await ScalarAsync<string>(pg.ConnectionString, "SHOW max_connections"), Is.EqualTo("200"));
            Assert.That(await ScalarAsync<string>(pg.ConnectionString, "SHOW server_encoding"), Is.EqualTo("UTF8"));
            Assert.That(pg.IsExternal, Is.False);
            Assert.That(Path.Combine(pg.DataDirectory!, "postmaster.pid"), Does.Exist);
            Assert.That(pg.ConnectionString, Does.Contain("127.0.0.1").And.Contain(pg.Port.ToString(CultureInfo.InvariantCulture)));
        }
    }

    [Test]
    public async Task CreateDatabaseAsync_GivesEachCallItsOwnEmptyDatabase()
    {
        string first = await (await PostgresSetUp.GetServerAsync()).CreateDatabaseAsync();
        string second = await (await PostgresSetUp.GetServerAsync()).CreateDatabaseAsync();

        await ScalarAsync<object>(first, "CREATE TABLE marker (id int)");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await ScalarAsync<string>(first, "SELECT current_database()"),
                Is.Not.EqualTo(await ScalarAsync<string>(second, "SELECT current_database()")));
            Assert.That(await ScalarAsync<bool>(first, "SELECT to_regclass('public.marker') IS NOT NULL"), Is.True);
            Assert.That(await ScalarAsync<bool>(second, "SELECT to_regclass('public.marker') IS NOT NULL"), Is.False);
        }
    }

    [Test]
    public async Task DisposeAsync_StopsTheServerAndDeletesItsFolder()
    {
        var pg = await StartOwnServerAsync();
        string dataDirectory = pg.DataDirectory!;
        string folder = Path.GetDirectoryName(dataDirectory)!;
        int postmaster = int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        Assert.That(IsRunning(postmaster), Is.True, "the postmaster runs before dispose");

        // A client still connected must not keep the server up.
        await using var client = new NpgsqlConnection(await pg.CreateDatabaseAsync());
        await client.OpenAsync();
        await pg.DisposeAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(IsRunning(postmaster), Is.False, "the postmaster is gone");
            Assert.That(folder, Does.Not.Exist);
        }
    }

    [Test]
    public async Task StartAsync_WithRelgenTestConnection_UsesThatServerAndStartsNothing()
    {
        var shared = await PostgresSetUp.GetServerAsync();
        // No PATH and no install folders either: the variable alone must be enough.
        var options = new EphemeralPostgresOptions
        {
            GetEnvironmentVariable = name => name == EphemeralPostgres.ConnectionEnvironmentVariable ? shared.ConnectionString : null,
            InstallPatterns = [],
        };
        string[] foldersBefore = ServerFolders();

        string database;
        await using (var pg = await EphemeralPostgres.StartAsync(options, CancellationToken.None))
        {
            string connectionString = await pg.CreateDatabaseAsync();
            database = new NpgsqlConnectionStringBuilder(connectionString).Database!;

            using (Assert.EnterMultipleScope())
            {
                Assert.That(pg.IsExternal, Is.True);
                Assert.That(pg.DataDirectory, Is.Null);
                Assert.That(pg.Port, Is.EqualTo(shared.Port));
                Assert.That(ServerFolders(), Is.EquivalentTo(foldersBefore), "no server folder was made");
                Assert.That(await ScalarAsync<string>(connectionString, "SELECT current_database()"), Is.EqualTo(database));
                Assert.That(await DatabaseExistsAsync(shared, database), Is.True);
            }
        }

        Assert.That(await DatabaseExistsAsync(shared, database), Is.False, "dispose drops the databases it created");
    }

    [Test]
    public void StartAsync_WithNeitherBinariesNorConnection_FailsAtOnceSayingHowToFixIt()
    {
        string tempRoot = Directory.CreateTempSubdirectory("relgen-test-").FullName;
        try
        {
            var nothing = new EphemeralPostgresOptions { GetEnvironmentVariable = _ => null, InstallPatterns = [], TempRoot = tempRoot, FindDockerEngine = () => null };

            Assert.That(
                async () => await EphemeralPostgres.StartAsync(nothing, CancellationToken.None),
                Throws.TypeOf<PostgresNotFoundException>()
                    .And.InstanceOf<InvalidOperationException>()
                    .And.Message.Contains("apt-get install postgresql")
                    .And.Message.Contains("brew install postgresql")
                    .And.Message.Contains("RELGEN_TEST_CONNECTION")
                    .And.Message.Contains("RELGEN_PG_BIN")
                    .And.Message.Contains("Docker engine")
                    .And.Message.Contains("RELGEN_TEST_IMAGE"));
            Assert.That(Directory.EnumerateFileSystemEntries(tempRoot), Is.Empty, "nothing was created");
        }
        finally
        {
            Directory.Delete(tempRoot, recursive: true);
        }
    }

    [Test]
    public void StartAsync_WithRelgenPgBinPointingAtAFolderWithoutPostgres_NamesThatFolder()
    {
        string empty = Directory.CreateTempSubdirectory("relgen-test-").FullName;
        try
        {
            var options = new EphemeralPostgresOptions
            {
                GetEnvironmentVariable = name => name switch
                {
                    EphemeralPostgres.BinEnvironmentVariable => empty,
                    EphemeralPostgres.ConnectionEnvironmentVariable or EphemeralPostgres.ModeEnvironmentVariable => null,
                    _ => Environment.GetEnvironmentVariable(name),
                },
            };

            Assert.That(
                async () => await EphemeralPostgres.StartAsync(options, CancellationToken.None),
                Throws.TypeOf<PostgresNotFoundException>().With.Message.Contains(empty).And.Message.Contains("RELGEN_PG_BIN"));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Test]
    public async Task StartAsync_NextStartRemovesAServerWhoseOwnerProcessDied()
    {
        string tempRoot = CreateSharedTempRoot();
        try
        {
            var pg = await StartOwnServerAsync(tempRoot);
            string folder = Path.GetDirectoryName(pg.DataDirectory!)!;
            int postmaster = int.Parse(File.ReadLines(Path.Combine(pg.DataDirectory!, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
            // Stage what a test host killed with SIGKILL leaves: a running server owned by a dead process.
            File.WriteAllText(Path.Combine(folder, "owner.pid"), DeadProcessId().ToString(CultureInfo.InvariantCulture));

            StaleClusterSweeper.Sweep(tempRoot);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(IsRunning(postmaster), Is.False, "the abandoned postmaster is stopped");
                Assert.That(folder, Does.Not.Exist);
            }
            await pg.DisposeAsync();   // Nothing left to do, and that is no error.
        }
        finally
        {
            Directory.Delete(tempRoot, recursive: true);
        }
    }

    [Test]
    public async Task StartAsync_KeepsServersWhoseOwnerIsAlive()
    {
        string tempRoot = CreateSharedTempRoot();
        try
        {
            await using var pg = await StartOwnServerAsync(tempRoot);

            StaleClusterSweeper.Sweep(tempRoot);

            Assert.That(await ScalarAsync<int>(pg.ConnectionString, "SELECT 1"), Is.EqualTo(1));
        }
        finally
        {
            Directory.Delete(tempRoot, recursive: true);
        }
    }

    [Test]
    public async Task StartAsync_WhenCancelled_LeavesNoFolderOrProcess()
    {
        string tempRoot = CreateSharedTempRoot();
        try
        {
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));   // mid-initdb

            Assert.That(
                async () => await EphemeralPostgres.StartAsync(OwnServerOptions(tempRoot), cancellation.Token),
                Throws.InstanceOf<OperationCanceledException>());
            Assert.That(Directory.EnumerateFileSystemEntries(tempRoot), Is.Empty);
            await Task.Delay(100);   // Give the postmaster's children a moment if it was killed mid-start.
            Assert.That(ProcessesMentioning(tempRoot), Is.Empty);
        }
        finally
        {
            Directory.Delete(tempRoot, recursive: true);
        }
    }

    [Test]
    public void StartAsync_InContainerModeWithoutAnEngine_SaysWhichSettingsAnEngineNeeds()
    {
        var options = new EphemeralPostgresOptions { Mode = EphemeralPostgresMode.Container, GetEnvironmentVariable = _ => null, FindDockerEngine = () => null };

        Assert.That(
            async () => await EphemeralPostgres.StartAsync(options, CancellationToken.None),
            Throws.TypeOf<PostgresNotFoundException>()
                .With.Message.Contains("needs a Docker engine")
                .And.Message.Contains("DOCKER_API_VERSION=1.41")
                .And.Message.Contains("TESTCONTAINERS_RYUK_DISABLED=true")
                .And.Message.Contains("TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1")
                .And.Message.Contains("RELGEN_TEST_PULL=never"));
    }

    [Test]
    public void StartAsync_InExternalModeWithoutRelgenTestConnection_SaysSo()
    {
        var options = new EphemeralPostgresOptions
        {
            GetEnvironmentVariable = name => name == EphemeralPostgres.ModeEnvironmentVariable ? "external" : null,
        };

        Assert.That(
            async () => await EphemeralPostgres.StartAsync(options, CancellationToken.None),
            Throws.TypeOf<PostgresNotFoundException>().With.Message.Contains("RELGEN_TEST_CONNECTION"));
    }

    [Test]
    public void StartAsync_WithAnUnknownRelgenTestMode_NamesTheVariableAndTheChoices()
    {
        var options = new EphemeralPostgresOptions { GetEnvironmentVariable = name => name == EphemeralPostgres.ModeEnvironmentVariable ? "docker" : null };

        Assert.That(
            async () => await EphemeralPostgres.StartAsync(options, CancellationToken.None),
            Throws.ArgumentException.With.Message.Contains("RELGEN_TEST_MODE is 'docker'").And.Message.Contains("container"));
    }

    // Local servers of our own even when the run uses RELGEN_TEST_CONNECTION or RELGEN_TEST_MODE.
    static EphemeralPostgresOptions OwnServerOptions(string? tempRoot = null) => new()
    {
        Mode = EphemeralPostgresMode.Local,
        GetEnvironmentVariable = name => name == EphemeralPostgres.ConnectionEnvironmentVariable ? null : Environment.GetEnvironmentVariable(name),
        TempRoot = tempRoot ?? Path.GetTempPath(),
    };

    static async Task<EphemeralPostgres> StartOwnServerAsync(string? tempRoot = null)
    {
        try
        {
            return await EphemeralPostgres.StartAsync(OwnServerOptions(tempRoot), CancellationToken.None);
        }
        catch (PostgresNotFoundException) when (Environment.GetEnvironmentVariable(EphemeralPostgres.ConnectionEnvironmentVariable) is { Length: > 0 }
                                                 || Environment.GetEnvironmentVariable(EphemeralPostgres.ModeEnvironmentVariable) is { Length: > 0 })
        {
            Assert.Ignore("No PostgreSQL binaries here; the run uses RELGEN_TEST_CONNECTION or RELGEN_TEST_MODE's server.");
            throw;
        }
    }

    // As root the servers run as the postgres user, who must be able to reach the folder.
    static string CreateSharedTempRoot()
    {
        string path = Directory.CreateTempSubdirectory("relgen-test-").FullName;
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        return path;
    }

    static string[] ServerFolders() => Directory.GetDirectories(Path.GetTempPath(), "relgen-pg-*");

    static async Task<T?> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T?)await command.ExecuteScalarAsync();
    }

    static async Task<bool> DatabaseExistsAsync(EphemeralPostgres server, string database)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT FROM pg_database WHERE datname = $1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = database });
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    // Exited and reaped, so no process has this id (unless the system hands it out again at once).
    static int DeadProcessId()
    {
        using var process = Process.Start("true");
        process.WaitForExit();
        return process.Id;
    }

    // A zombie (exited, not yet reaped by init) is not running.
    static bool IsRunning(int pid)
    {
        if (!OperatingSystem.IsLinux())
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return false;
        }
        return stat[stat.LastIndexOf(')') + 2] is not ('Z' or 'X');
    }

    static List<int> ProcessesMentioning(string text) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
            .Where(pid => ReadCommandLine(pid).Contains(text, StringComparison.Ordinal) && IsRunning(pid))];

    static string ReadCommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return "";
        }
    }
}
