using RelGen.Schema.Diff;
using RelGen.Schema.Files;
using RelGen.Schema.Json;
using RelGen.Schema.Snapshots;

namespace RelGen.Tests.Migrations;

/// <summary>
/// A table's Citus distribution in the snapshot: its JSON, and a migration that creates reference and distributed tables
/// (a <c>DO</c> block per table calling Citus only where the extension is installed, after the tables, before the foreign
/// keys). The migration running as a no-op on plain PostgreSQL is covered by CreateTablesTests, whose expected schema is
/// the test assembly's migration from nothing (its <c>cit_</c> tables included).
/// </summary>
public sealed class CitusSnapshotTests
{
    private static SchemaSnapshot Snapshot() => new([
        new TableSnapshot("category", [new("id", "bigint", false, identity: true)], new PrimaryKeySnapshot("category_pkey", ["id"]),
            distribution: DistributionSnapshot.Reference),
        new TableSnapshot("tenant", [new("id", "bigint", false, identity: true), new("category_id", "bigint", false)],
            new PrimaryKeySnapshot("tenant_pkey", ["id"]),
            foreignKeys: [new("tenant_category_id_fkey", ["category_id"], "category", ["id"], OnDeleteRules.Cascade)],
            distribution: DistributionSnapshot.Distributed("id", shardCount: 16)),
        new TableSnapshot("article", [new("id", "bigint", false, identity: true)], new PrimaryKeySnapshot("article_pkey", ["id"]),
            distribution: DistributionSnapshot.Distributed("id", "tenant")),
        new TableSnapshot("note", [new("id", "integer", false, identity: true)], new PrimaryKeySnapshot("note_pkey", ["id"])),
    ]);

    [Test]
    public void TheDistributionRoundTripsThroughJson()
    {
        var json = SnapshotJson.Write(Snapshot(), indented: false);
        var read = SnapshotJson.Read(json);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(json, Does.Contain("""{"kind":"reference"}"""));
            Assert.That(json, Does.Contain("""{"kind":"distributed","column":"id","shardCount":16}"""));
            Assert.That(json, Does.Contain("""{"kind":"distributed","column":"id","colocateWith":"tenant"}"""));
            Assert.That(read.FindTable("category")!.Distribution, Is.EqualTo(DistributionSnapshot.Reference));
            Assert.That(read.FindTable("tenant")!.Distribution, Is.EqualTo(DistributionSnapshot.Distributed("id", null, 16)));
            Assert.That(read.FindTable("article")!.Distribution, Is.EqualTo(DistributionSnapshot.Distributed("id", "tenant")));
            Assert.That(read.FindTable("note")!.Distribution, Is.Null);
            Assert.That(SnapshotJson.Write(read, indented: false), Is.EqualTo(json));
        }
    }

    [TestCase("""{"kind":"sharded","column":"id"}""", "expected \"reference\" or \"distributed\"")]
    [TestCase("""{"kind":"reference","column":"id"}""", "unknown property 'column'")]
    [TestCase("""{"kind":"distributed"}""", "'column' is missing")]
    [TestCase("""{"kind":"distributed","column":"id","shardCount":64001}""", "64001")]
    [TestCase("""{"kind":"distributed","column":"id","colocateWith":"t","shardCount":2}""", "group's shard count")]
    public void AMalformedDistributionIsRefusedNamingThePlace(string distribution, string message)
    {
        var json = """{"format":"relgen-schema","version":1,"tables":[{"name":"t","columns":[{"name":"id","type":"bigint","nullable":false}],"distribution":"""
                   + distribution + "}]}";

        var error = Assert.Throws<SnapshotFormatException>(() => SnapshotJson.Read(json))!;

        Assert.That(error.Message, Does.Contain("distribution").And.Contain(message));
    }

    [Test]
    public void AMigrationDistributesCreatedTablesWhereCitusIsInstalledBeforeTheirForeignKeys()
    {
        var script = MigrationScript.Between(SchemaSnapshot.Empty, Snapshot());
        var statements = script.UpDiff.Statements.ToList();

        var calls = script.UpDiff.Changes.Where(c => c.Kind == ChangeKind.DistributeTable).SelectMany(c => c.Statements).ToList();
        Assert.That(calls, Is.EqualTo(new[]
        {
            """DO $relgen$ BEGIN IF EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') THEN PERFORM create_reference_table('"category"'); END IF; END $relgen$""",
            """DO $relgen$ BEGIN IF EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') THEN PERFORM create_distributed_table('"tenant"', 'id', colocate_with => 'none', shard_count => 16); END IF; END $relgen$""",
            """DO $relgen$ BEGIN IF EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') THEN PERFORM create_distributed_table('"article"', 'id', colocate_with => '"tenant"'); END IF; END $relgen$""",
        }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(statements.IndexOf(calls[0]), Is.GreaterThan(statements.FindLastIndex(s => s.StartsWith("CREATE TABLE", StringComparison.Ordinal))));
            Assert.That(statements.IndexOf(calls[^1]), Is.LessThan(statements.FindIndex(s => s.Contains("FOREIGN KEY", StringComparison.Ordinal))));
            Assert.That(script.UpDiff.Changes.Single(c => c.Kind == ChangeKind.DistributeTable && c.Description.Contains("article")).Description,
                Is.EqualTo("citus: article distributed by id, co-located with tenant (where the citus extension is installed)"));
            Assert.That(script.DownSql, Does.Not.Contain("citus"), "dropping a distributed table needs nothing of Citus");
        }
    }

    [Test]
    public void TheDollarQuoteAvoidsATagInsideTheCall()
    {
        var sql = RelGen.Schema.Ddl.PostgresDdl.DistributeWhereCitus("odd$relgen$name", DistributionSnapshot.Reference);

        Assert.That(sql, Does.StartWith("DO $relgen1$ ").And.EndWith(" END $relgen1$").And.Contain("""create_reference_table('"odd$relgen$name"')"""));
    }
}
