using RelGen.Metadata;
using RelGen.Schema;
using RelGen.Schema.Files;
using RelGen.Schema.Snapshots;

namespace RelGen.Tests.Migrations;

/// <summary>
/// MigrateAsync on a database that has tables but no migration history: adopted when its schema is exactly that
/// after some migration, refused with the differences otherwise, and left alone when its tables are not ours.
/// </summary>
public sealed class AdoptionTests : MigrationTest
{
    [Test]
    public async Task ADatabaseMadeByCreateTablesAsyncIsAdoptedAndTheLaterMigrationsApplied()
    {
        var models = ModelRegistry.All;
        // The snapshot the generator put on this assembly: its names are CreateTablesAsync's, so the adoption must match.
        var current = GeneratedSchema.OfTestAssembly;
        var reporter = current.FindTable("reporter")!;
        var later = new SchemaSnapshot(current.Tables.Select(t => t != reporter ? t : new TableSnapshot(t.Name,
            t.Columns.Append(new ColumnSnapshot("nickname", "varchar(20)", nullable: true)), t.PrimaryKey, t.ForeignKeys,
            t.Indexes.Append(new IndexSnapshot("reporter_nickname_idx", ["nickname"])), t.UniqueConstraints, t.CheckConstraints)));
        MigrationDescriptor[] migrations = [Migration("20250101000001_Initial", SchemaSnapshot.Empty, current), Migration("20250101000002_Nickname", current, later)];
        var connectionString = await NewSchemaAsync("made_by_create_tables");
        await using var db = RelGenDatabase.Create(connectionString);
        await db.CreateTablesAsync();
        await ExecuteAsync(connectionString, "INSERT INTO reporter (first_name, last_name, email) VALUES ('Kept', 'Row', 'k@example.com')");

        var result = await db.RunMigrationsAsync(migrations, null, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(models, Has.Count.GreaterThan(10), "every model of the test assembly: a real CreateTablesAsync schema");
            Assert.That(result.Adopted, Is.EqualTo(new[] { "20250101000001_Initial" }));
            Assert.That(result.Applied, Is.EqualTo(new[] { "20250101000002_Nickname" }));
            Assert.That(await ScalarAsync<string>(connectionString, "SELECT first_name FROM reporter"), Is.EqualTo("Kept"), "adoption keeps the data");
            Assert.That(await ScalarAsync<object>(connectionString, "SELECT nickname FROM reporter"), Is.EqualTo(DBNull.Value));
            Assert.That((await HistoryAsync(connectionString)).Select(h => h.Name), Is.EqualTo(migrations.Select(m => m.Name)));
            Assert.That(await ScalarAsync<long>(ConnectionString, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'relgen_adopt_%'"), Is.Zero, "the scratch schema was rolled back");
        }
    }

    [Test]
    public async Task AdoptionStopsAtTheFirstMigrationWhoseSchemaMatches()
    {
        var migrations = NewsroomMigrations();
        var connectionString = await NewSchemaAsync("at_step_two");
        // V2 made in one go, as CreateTablesAsync from those models would.
        await ExecuteAsync(connectionString, MigrationScript.Between(SchemaSnapshot.Empty, NewsroomSnapshots.V2).UpSql);
        await using var db = RelGenDatabase.Create(connectionString);

        var result = await db.RunMigrationsAsync(migrations, null, CancellationToken.None);

        Assert.That(result.Adopted, Is.EqualTo(migrations.Take(2).Select(m => m.Name)));
        Assert.That(result.Applied, Is.EqualTo(migrations.Skip(2).Select(m => m.Name)));
        Assert.That((await CatalogAsync(connectionString)).Lines, Is.EqualTo((await ExpectedCatalogAsync("at_step_two_expected", NewsroomSnapshots.V8)).Lines));
    }

    [Test]
    public async Task ADatabaseThatMatchesNoMigrationIsRefusedWithTheDifferencesAndLeftAlone()
    {
        var migrations = NewsroomMigrations().Take(2).ToList();
        var connectionString = await NewSchemaAsync("drifted");
        await ExecuteAsync(connectionString, MigrationScript.Between(SchemaSnapshot.Empty, NewsroomSnapshots.V1).UpSql
            + ";\nALTER TABLE reporter ALTER COLUMN email TYPE varchar(50);\nDROP INDEX article_reporter_id_idx;");
        var before = await CatalogAsync(connectionString);
        await using var db = RelGenDatabase.Create(connectionString);

        var error = Assert.ThrowsAsync<SchemaNotAdoptableException>(() => db.RunMigrationsAsync(migrations, null, CancellationToken.None))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Tables, Is.EqualTo(new[] { "article", "reporter" }));
            Assert.That(error.Differences, Does.Contain("missing: reporter: column email character varying(100) NOT NULL"));
            Assert.That(error.Differences, Does.Contain("unexpected: reporter: column email character varying(50) NOT NULL"));
            Assert.That(error.Differences, Does.Contain("missing: article: index article_reporter_id_idx USING btree (reporter_id)"));
            Assert.That(error.SqlState, Is.EqualTo("42P07"));
            Assert.That(error.Message, Does.Contain("no migration history").And.Contain("CreateTablesAsync"));
            Assert.That(await TableExistsAsync(connectionString, "relgen_migrations"), Is.False, "nothing was changed");
            Assert.That((await CatalogAsync(connectionString)).Lines, Is.EqualTo(before.Lines));
        }
    }

    [Test]
    public async Task TablesTheMigrationsDoNotCreateAreLeftAlone()
    {
        var migrations = NewsroomMigrations().Take(1).ToList();
        var connectionString = await NewSchemaAsync("neighbours");
        await ExecuteAsync(connectionString, "CREATE TABLE someone_elses (id integer); INSERT INTO someone_elses VALUES (7);");
        await using var db = RelGenDatabase.Create(connectionString);

        var result = await db.RunMigrationsAsync(migrations, null, CancellationToken.None);

        Assert.That(result.Adopted, Is.Empty);
        Assert.That(result.Applied, Is.EqualTo(migrations.Select(m => m.Name)));
        Assert.That(await ScalarAsync<int>(connectionString, "SELECT id FROM someone_elses"), Is.EqualTo(7));
    }

    static MigrationDescriptor Migration(string name, SchemaSnapshot from, SchemaSnapshot to)
    {
        var script = MigrationScript.Between(from, to);
        return new MigrationDescriptor(name, script.UpSql, script.DownSql);
    }
}
