using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace RelGen.Tests.Replicas;

/// <summary>How a database gets its replica side and its routing settings; nothing here connects.</summary>
public sealed class ReplicaOptionsTests
{
    const string MultiHost = "Host=127.0.0.1:5432,127.0.0.1:5433;Username=postgres;Database=news";

    [Test]
    public async Task AMultiHostConnectionString_GivesAPrimaryDataSourceAndAReplicaSide()
    {
        await using var db = RelGenDatabase.Create(MultiHost);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(db.ReplicaDataSource, Is.Not.Null);
            Assert.That(db.ReplicaDataSource, Is.Not.SameAs(db.DataSource));
            Assert.That(db.ReadFrom, Is.EqualTo(ReadFrom.Primary), "replica reads are opt-in");
            Assert.That(db.ReadYourWrites, Is.EqualTo(ReadYourWrites.ReplayedLsn));
            Assert.That(db.ReadYourWritesWindow, Is.EqualTo(TimeSpan.FromSeconds(2)));
        }
    }

    [Test]
    public async Task ASingleHost_HasNoReplicaSide()
    {
        await using var db = RelGenDatabase.Create("Host=127.0.0.1;Username=postgres;Database=news");
        await using var source = NpgsqlDataSource.Create("Host=127.0.0.1;Username=postgres;Database=news");
        await using var fromSource = RelGenDatabase.Create(source);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(db.ReplicaDataSource, Is.Null);
            Assert.That(fromSource.ReplicaDataSource, Is.Null);
            Assert.That(fromSource.DataSource, Is.SameAs(source));
        }
    }

    [Test]
    public async Task AddRelGen_BindsTheRoutingSettingsFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RelGen:ConnectionString"] = MultiHost,
            ["RelGen:ReadFrom"] = "Replica",
            ["RelGen:ReadYourWrites"] = "Window",
            ["RelGen:ReadYourWritesWindow"] = "00:00:00.5",
        }).Build();
        var services = new ServiceCollection();
        services.Configure<RelGenOptions>(configuration.GetSection("RelGen"));
        services.AddRelGen();
        await using var provider = services.BuildServiceProvider();

        var db = provider.GetRequiredService<RelGenDatabase>();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(db.ReplicaDataSource, Is.Not.Null);
            Assert.That(db.ReadFrom, Is.EqualTo(ReadFrom.Replica));
            Assert.That(db.ReadYourWrites, Is.EqualTo(ReadYourWrites.Window));
            Assert.That(db.ReadYourWritesWindow, Is.EqualTo(TimeSpan.FromMilliseconds(500)));
        }
    }
}
