using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;
using RelGen.Tests.Models;
using RelGen.Tests.Support;

namespace RelGen.Tests.Hosting;

/// <summary><c>services.AddRelGen(...)</c>: where the database comes from, options bound the usual way, the container's logging, keyed databases, lifetime.</summary>
public sealed class DependencyInjectionTests : DatabaseTest
{
    [OneTimeSetUp]
    public async Task CreateTablesAsync()
    {
        await using var db = RelGenDatabase.Create(ConnectionString);
        await db.CreateTablesAsync();
    }

    [Test]
    public async Task AConnectionStringGivesASingletonThatOwnsItsDataSourceAndLogsThroughTheContainer()
    {
        var log = new SqlCapture();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(log);
        services.AddRelGen(ConnectionString);
        RelGenDatabase db;
        await using (var provider = services.BuildServiceProvider())
        {
            db = provider.GetRequiredService<RelGenDatabase>();
            Assert.That(provider.GetRequiredService<RelGenDatabase>(), Is.SameAs(db), "one database per container");
            await db.SaveAsync(new Reporter { FirstName = "Di", LastName = "Owned" });
            Assert.That(await Reporter.Objects(db).Filter(r => r.LastName == "Owned").CountAsync(), Is.EqualTo(1));
            Assert.That(log.Commands, Has.Some.StartsWith("INSERT INTO \"reporter\""));
        }
        // Disposing the container disposed the database and the data source it made.
        Assert.ThrowsAsync<ObjectDisposedException>(async () => await db.DataSource.OpenConnectionAsync());
    }

    [Test]
    public async Task TheContainersNpgsqlDataSourceIsUsed()
    {
        var services = new ServiceCollection();
        services.AddNpgsqlDataSource(ConnectionString);
        services.AddRelGen();
        await using var provider = services.BuildServiceProvider();

        var db = provider.GetRequiredService<RelGenDatabase>();
        Assert.That(db.DataSource, Is.SameAs(provider.GetRequiredService<NpgsqlDataSource>()));
        Assert.That(await Reporter.Objects(db).CountAsync(), Is.GreaterThanOrEqualTo(0));
    }

    [Test]
    public async Task OptionsAreBoundFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RelGen:ConnectionString"] = ConnectionString,
            ["RelGen:FetchMode"] = "Peers",
        }).Build();
        var services = new ServiceCollection();
        services.Configure<RelGenOptions>(configuration.GetSection("RelGen"));
        services.AddRelGen();
        await using var provider = services.BuildServiceProvider();

        var db = provider.GetRequiredService<RelGenDatabase>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(db.FetchMode, Is.EqualTo(FetchMode.Peers));
            Assert.That(new NpgsqlConnectionStringBuilder(db.DataSource.ConnectionString).Database,
                Is.EqualTo(new NpgsqlConnectionStringBuilder(ConnectionString).Database));
        }
    }

    [Test]
    public async Task KeyedDatabasesAreSeparate()
    {
        string other = await (await PostgresSetUp.GetServerAsync()).CreateDatabaseAsync();
        await using (var setup = RelGenDatabase.Create(other))
            await setup.CreateTablesAsync();
        var services = new ServiceCollection();
        services.AddKeyedRelGen("main", ConnectionString);
        services.AddNpgsqlDataSource(other, serviceKey: "archive");
        services.AddKeyedRelGen("archive", o => o.FetchMode = FetchMode.Raise);
        await using var provider = services.BuildServiceProvider();

        var main = provider.GetRequiredKeyedService<RelGenDatabase>("main");
        var archive = provider.GetRequiredKeyedService<RelGenDatabase>("archive");
        await archive.SaveAsync(new Reporter { FirstName = "Only", LastName = "Archived" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(archive, Is.Not.SameAs(main));
            Assert.That(archive.DataSource, Is.SameAs(provider.GetRequiredKeyedService<NpgsqlDataSource>("archive")));
            Assert.That(archive.FetchMode, Is.EqualTo(FetchMode.Raise));
            Assert.That(main.FetchMode, Is.EqualTo(FetchMode.One));
            Assert.That(await Reporter.Objects(archive).Filter(r => r.LastName == "Archived").CountAsync(), Is.EqualTo(1));
            Assert.That(await Reporter.Objects(main).Filter(r => r.LastName == "Archived").CountAsync(), Is.Zero);
            Assert.That(provider.GetService<RelGenDatabase>(), Is.Null, "keyed registrations add no unkeyed database");
        }
        NpgsqlConnection.ClearPool(new NpgsqlConnection(other));
    }

    [Test]
    public void NoConnectionStringAndNoDataSourceIsAClearError()
    {
        var services = new ServiceCollection();
        services.AddRelGen();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<RelGenDatabase>());
        Assert.That(error!.Message, Does.Contain("AddNpgsqlDataSource").And.Contain("RelGenOptions.ConnectionString"));
    }

    [Test]
    public async Task TheHealthCheckReportsWhetherTheDatabaseAnswers()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRelGen(ConnectionString);
        services.AddKeyedRelGen("down", "Host=127.0.0.1;Port=1;Database=nothing;Timeout=2");
        services.AddHealthChecks()
            .AddCheck<RelGenHealthCheck>("database")
            .Add(new HealthCheckRegistration("down", sp => new RelGenHealthCheck(sp.GetRequiredKeyedService<RelGenDatabase>("down")), HealthStatus.Unhealthy, null));
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Entries["database"].Status, Is.EqualTo(HealthStatus.Healthy));
            Assert.That(report.Entries["down"].Status, Is.EqualTo(HealthStatus.Unhealthy));
            Assert.That(report.Entries["down"].Exception, Is.InstanceOf<NpgsqlException>());
        }
    }
}
