using System.Diagnostics;
using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Configurations;
using Npgsql;
using RelGen.Testing;

namespace RelGen.Tests.Testing;

/// <summary>
/// EphemeralPostgres's container mode on a real Docker engine. Without one the fixture is ignored with a
/// message saying how to get one, unless RELGEN_REQUIRE_CONTAINER=1 (CI sets it after starting dockerd),
/// which makes a missing engine a failure. The image is RELGEN_TEST_IMAGE's (CI builds one locally) or the
/// official postgres image.
/// </summary>
[Category("Container")]
[NonParallelizable]   // Some tests count this process's containers.
public sealed class ContainerModeTests
{
    IDockerEndpointAuthenticationConfiguration engine = null!;

    [OneTimeSetUp]
    public void RequireEngine()
    {
        if (DockerEngine.Find() is { } found)
        {
            engine = found;
            return;
        }
        string how = "No Docker engine answered, so the container-mode tests did not run." + Environment.NewLine
            + DockerEngine.Remedies(Environment.GetEnvironmentVariable) + Environment.NewLine
            + "CI sets RELGEN_REQUIRE_CONTAINER=1, which turns this into a failure.";
        if (Environment.GetEnvironmentVariable("RELGEN_REQUIRE_CONTAINER") == "1")
            Assert.Fail(how);
        Assert.Ignore(how);
    }

    [Test]
    public async Task StartAsync_InContainerMode_StartsALabelledContainerThatAnswersOnItsPublishedPort()
    {
        await using var pg = await EphemeralPostgres.StartAsync(ContainerOptions());

        using var client = DockerEngine.CreateClient(engine);
        var inspected = await client.Containers.InspectContainerAsync(pg.ContainerId!);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(pg.Mode, Is.EqualTo(EphemeralPostgresMode.Container));
            Assert.That(pg.IsExternal, Is.False);
            Assert.That(pg.DataDirectory, Is.Null);
            Assert.That(await ScalarAsync<string>(pg.ConnectionString, "SELECT version()"), Does.StartWith("PostgreSQL "));
            Assert.That(await ScalarAsync<string>(pg.ConnectionString, "SHOW max_connections"), Is.EqualTo("200"));
            Assert.That(await ScalarAsync<string>(pg.ConnectionString, "SHOW fsync"), Is.EqualTo("off"));
            Assert.That(inspected.State!.Running, Is.True);
            Assert.That(inspected.Config!.Labels[ContainerOwner.Label], Is.EqualTo(ContainerOwner.Current));
            Assert.That(inspected.NetworkSettings!.Ports["5432/tcp"].Select(binding => binding.HostPort),
                Does.Contain(pg.Port.ToString(CultureInfo.InvariantCulture)));
            Assert.That(pg.ToString(), Does.Contain("container").And.Contain(pg.ContainerId![..12]));
        }
    }

    [Test]
    public async Task CreateDatabaseAsync_InContainerMode_GivesEachCallItsOwnEmptyDatabase()
    {
        await using var pg = await EphemeralPostgres.StartAsync(ContainerOptions());

        string first = await pg.CreateDatabaseAsync();
        string second = await pg.CreateDatabaseAsync();
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
    public async Task DisposeAsync_InContainerMode_RemovesTheContainerEvenWithAClientConnected()
    {
        var pg = await EphemeralPostgres.StartAsync(ContainerOptions());
        string id = pg.ContainerId!;
        await using var client = new NpgsqlConnection(await pg.CreateDatabaseAsync());
        await client.OpenAsync();

        await pg.DisposeAsync();

        using var docker = DockerEngine.CreateClient(engine);
        Assert.That(async () => await docker.Containers.InspectContainerAsync(id), Throws.TypeOf<DockerContainerNotFoundException>());
        Assert.That(async () => await ScalarAsync<int>(pg.ConnectionString, "SELECT 1"), Throws.InstanceOf<NpgsqlException>());
    }

    [Test]
    public async Task StartAsync_InAutoMode_WithoutBinariesOrConnection_UsesTheEngine()
    {
        // A machine with Docker but no PostgreSQL: no PATH, no install folders, no RELGEN_PG_BIN.
        var options = new EphemeralPostgresOptions
        {
            GetEnvironmentVariable = name => name is EphemeralPostgres.ImageEnvironmentVariable or EphemeralPostgres.PullPolicyEnvironmentVariable
                ? Environment.GetEnvironmentVariable(name)
                : null,
            InstallPatterns = [],
        };

        await using var pg = await EphemeralPostgres.StartAsync(options);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pg.Mode, Is.EqualTo(EphemeralPostgresMode.Container));
            Assert.That(await ScalarAsync<int>(await pg.CreateDatabaseAsync(), "SELECT 1"), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task StartAsync_WithRelgenTestModeContainer_PrefersTheEngineToInstalledBinaries()
    {
        var options = new EphemeralPostgresOptions
        {
            GetEnvironmentVariable = name => name switch
            {
                EphemeralPostgres.ModeEnvironmentVariable => "Container",
                EphemeralPostgres.ConnectionEnvironmentVariable => null,
                _ => Environment.GetEnvironmentVariable(name),
            },
        };

        await using var pg = await EphemeralPostgres.StartAsync(options);

        Assert.That(pg.Mode, Is.EqualTo(EphemeralPostgresMode.Container));
    }

    [Test]
    public async Task StartAsync_WithPullPolicyNeverAndAnImageTheEngineLacks_NamesTheImageAndStartsNothing()
    {
        const string absent = "relgen-test/not-built-here:0";
        int before = (await OwnContainersAsync()).Count;

        Assert.That(
            async () => await EphemeralPostgres.StartAsync(new EphemeralPostgresOptions { Mode = EphemeralPostgresMode.Container, ContainerImage = absent, ContainerPullPolicy = ContainerImagePullPolicy.Never }),
            Throws.TypeOf<PostgresNotFoundException>().With.Message.Contains(absent).And.Message.Contains("RELGEN_TEST_IMAGE"));
        Assert.That(await OwnContainersAsync(), Has.Count.EqualTo(before));
    }

    [Test]
    public async Task StartAsync_WhenCancelled_LeavesNoContainer()
    {
        int before = (await OwnContainersAsync()).Count;
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));   // mid-start

        Assert.That(
            async () => await EphemeralPostgres.StartAsync(ContainerOptions(), cancellation.Token),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(await OwnContainersAsync(), Has.Count.EqualTo(before));
    }

    [Test]
    public async Task Sweep_RemovesContainersWhoseOwnerDied_AndKeepsLiveOnes()
    {
        await using var pg = await EphemeralPostgres.StartAsync(ContainerOptions());
        using var client = DockerEngine.CreateClient(engine);
        // Stage what a test host killed with SIGKILL leaves: a container labelled with a process that is gone.
        string image = (await client.Containers.InspectContainerAsync(pg.ContainerId!)).Config!.Image;
        var orphan = await client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = image,
            Labels = new Dictionary<string, string> { [ContainerOwner.Label] = ContainerOwner.Describe(Environment.MachineName, DeadProcessId(), 1) },
        });

        var removed = await StaleContainerSweeper.SweepAsync(engine, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(removed, Does.Contain(orphan.ID));
            Assert.That(removed, Does.Not.Contain(pg.ContainerId));
            Assert.That(async () => await client.Containers.InspectContainerAsync(orphan.ID), Throws.TypeOf<DockerContainerNotFoundException>());
            Assert.That(await ScalarAsync<int>(pg.ConnectionString, "SELECT 1"), Is.EqualTo(1));
        }
    }

    static EphemeralPostgresOptions ContainerOptions() => new() { Mode = EphemeralPostgresMode.Container };

    async Task<IList<ContainerListResponse>> OwnContainersAsync()
    {
        using var client = DockerEngine.CreateClient(engine);
        return await client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{ContainerOwner.Label}={ContainerOwner.Current}"] = true } },
        });
    }

    static async Task<T?> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T?)await command.ExecuteScalarAsync();
    }

    static int DeadProcessId()
    {
        using var process = Process.Start("true");
        process.WaitForExit();
        return process.Id;
    }
}
