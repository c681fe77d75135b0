using RelGen.Metadata;
using RelGen.Schema.Files;
using RelGen.Schema.Json;
using RelGen.Schema.Snapshots;

namespace RelGen.Tests.Migrations;

/// <summary>
/// <c>dotnet relgen migrations …</c> run in-process on temporary project folders, reading snapshots from assemblies
/// compiled here (as generated code will carry them); the files it writes are applied to a real database.
/// </summary>
public sealed class ToolTests : MigrationTest
{
    string work = "";

    [SetUp]
    public void CreateFolder() => work = Directory.CreateTempSubdirectory("relgen-tool-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(work, recursive: true);

    string Migrations => Path.Combine(work, "Migrations");

    string Dll(SchemaSnapshot snapshot, string name = "v")
        => SnapshotAssembly.Emit(Path.Combine(work, "bin", name + "_" + Guid.NewGuid().ToString("N")[..6] + ".dll"), snapshot);

    Task<ToolRun> AddAsync(string name, SchemaSnapshot snapshot, string? answers = null, params string[] more)
        => ToolRun.RunAsync(work, answers, ["migrations", "add", name, "--assembly", Dll(snapshot), "--migrations-dir", "Migrations", .. more]);

    string[] MigrationFiles() => Directory.GetFiles(Migrations, "*.sql").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    string Read(string file) => File.ReadAllText(Path.Combine(Migrations, file));

    [Test]
    public async Task TheFirstAddWritesTheInitialMigrationAndTheSnapshot()
    {
        var run = await AddAsync("Initial", NewsroomSnapshots.V1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(MigrationFiles(), Is.EqualTo(new[] { "20250304050607_Initial.sql" }));
            Assert.That(Read("20250304050607_Initial.sql"), Is.EqualTo(MigrationFile.Write("20250304050607_Initial", "dotnet relgen migrations add Initial",
                MigrationScript.Between(SchemaSnapshot.Empty, NewsroomSnapshots.V1))));
            Assert.That(Read(MigrationsSnapshotFile), Is.EqualTo(SnapshotJson.Write(NewsroomSnapshots.V1, indented: true)));
            Assert.That(run.Output, Does.Contain($"Wrote {Path.Combine("Migrations", "20250304050607_Initial.sql")}:").And.Contain("  create table reporter"));
        }
    }

    const string MigrationsSnapshotFile = "relgen.snapshot.json";

    [Test]
    public async Task EachAddComparesWithTheLatestSnapshotAndTheFilesMigrateARealDatabase()
    {
        Assert.That((await ToolRun.RunAtAsync(work, null, ToolRun.Now, "migrations", "add", "Initial", "--assembly", Dll(NewsroomSnapshots.V1), "--migrations-dir", "Migrations")).ExitCode, Is.Zero);
        var second = await ToolRun.RunAtAsync(work, null, ToolRun.Now.AddDays(1), "migrations", "add", "AddColumns", "--assembly", Dll(NewsroomSnapshots.V2), "--migrations-dir", "Migrations");
        var unchanged = await ToolRun.RunAtAsync(work, null, ToolRun.Now.AddDays(2), "migrations", "add", "Nothing", "--assembly", Dll(NewsroomSnapshots.V2), "--migrations-dir", "Migrations");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second.ExitCode, Is.Zero, second.ToString());
            Assert.That(MigrationFiles(), Is.EqualTo(new[] { "20250304050607_Initial.sql", "20250305050607_AddColumns.sql" }));
            Assert.That(MigrationFile.Parse("m", Read("20250305050607_AddColumns.sql")).UpSql, Is.EqualTo(MigrationScript.Between(NewsroomSnapshots.V1, NewsroomSnapshots.V2).UpSql));
            Assert.That(second.Output, Does.Contain("`await db.MigrateAsync(\"20250304050607_Initial\")` undoes it"));
            Assert.That(unchanged.ExitCode, Is.Zero, unchanged.ToString());
            Assert.That(unchanged.Output, Does.Contain("No changes since 20250305050607_AddColumns: nothing was written."));
            Assert.That(MigrationFiles(), Has.Length.EqualTo(2));
        }

        // What the tool wrote, embedded as the generator will embed it, migrates a database to the snapshot's schema.
        var migrations = MigrationFiles().Select(f => MigrationFile.Parse(Path.GetFileNameWithoutExtension(f), Read(f)))
            .Select(f => new MigrationDescriptor(f.Name, f.UpSql, f.DownSql)).ToList();
        var connectionString = await NewSchemaAsync("from_tool_files");
        await using var db = RelGenDatabase.Create(connectionString);
        Assert.That((await db.RunMigrationsAsync(migrations, null, CancellationToken.None)).Applied, Has.Count.EqualTo(2));
        Assert.That((await CatalogAsync(connectionString)).Lines, Is.EqualTo((await ExpectedCatalogAsync("from_tool_expected", NewsroomSnapshots.V2)).Lines));
        Assert.That((await db.RunMigrationsAsync(migrations, "20250304050607_Initial", CancellationToken.None)).RolledBack, Is.EqualTo(new[] { "20250305050607_AddColumns" }));
    }

    [Test]
    public async Task APossibleRenameWithInputRedirectedIsRefusedAndNothingIsWritten()
    {
        await WriteBaseAsync(NewsroomSnapshots.V5);
        var snapshotBefore = Read(MigrationsSnapshotFile);

        var run = await AddAsync("RenameReporter", NewsroomSnapshots.V6);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(run.Error, Does.Contain("input is redirected, so RelGen cannot ask. Nothing was written."));
            Assert.That(run.Error, Does.Contain("table 'reporter' dropped and table 'writer' added: pass --rename reporter=writer if it was renamed, or --drop reporter to drop it."));
            Assert.That(MigrationFiles(), Has.Length.EqualTo(1));
            Assert.That(Read(MigrationsSnapshotFile), Is.EqualTo(snapshotBefore));
        }
    }

    [Test]
    public async Task RenameFlagsRenameTablesAndColumns()
    {
        await WriteBaseAsync(NewsroomSnapshots.V5);

        // The column's table may be named by its old name.
        var run = await AddAsync("RenameReporter", NewsroomSnapshots.V6, null, "--rename", "reporter=writer", "--rename", "reporter.first_name=given_name");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var up = MigrationFile.Parse("m", Read(MigrationFiles()[1])).UpSql;
        Assert.That(up, Is.EqualTo(MigrationScript.Between(NewsroomSnapshots.V5, NewsroomSnapshots.V6, NewsroomSnapshots.V6Renames).UpSql));
        Assert.That(up, Does.Not.Contain("DROP"));
    }

    [Test]
    public async Task AskedInteractivelyATableRenameThenTheColumnRenameInside()
    {
        await WriteBaseAsync(NewsroomSnapshots.V5);

        var run = await AddAsync("RenameReporter", NewsroomSnapshots.V6, "y\nyes\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Output, Does.Contain("Was table 'reporter' renamed to 'writer'? (no: 'reporter' and its rows are dropped) [y/N] "));
            Assert.That(run.Output, Does.Contain("Was column 'writer.first_name' renamed to 'given_name'? (no: its values are dropped) [y/N] "));
            Assert.That(MigrationFile.Parse("m", Read(MigrationFiles()[1])).UpSql,
                Is.EqualTo(MigrationScript.Between(NewsroomSnapshots.V5, NewsroomSnapshots.V6, NewsroomSnapshots.V6Renames).UpSql));
        }
    }

    [Test]
    public async Task AnsweringNoDropsAndCreates()
    {
        await WriteBaseAsync(NewsroomSnapshots.V5);

        var run = await AddAsync("ReplaceReporter", NewsroomSnapshots.V6, "n\n");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var up = MigrationFile.Parse("m", Read(MigrationFiles()[1])).UpSql;
        Assert.That(up, Does.Contain("DROP TABLE \"reporter\"").And.Contain("CREATE TABLE \"writer\""));
        Assert.That(run.Output, Does.Contain("drop table reporter  (deletes its data when applied)"));
    }

    [Test]
    public async Task DropFlagsAnswerWithoutAskingAndMustNameSomethingDropped()
    {
        await WriteBaseAsync(NewsroomSnapshots.V5);

        var typo = await AddAsync("ReplaceReporter", NewsroomSnapshots.V6, null, "--drop", "reporter", "--drop", "reportr");
        var run = await AddAsync("ReplaceReporter", NewsroomSnapshots.V6, null, "--drop", "reporter");

        Assert.That(typo.ExitCode, Is.EqualTo(1), typo.ToString());
        Assert.That(typo.Error, Does.Contain("--drop reportr: the models do not drop reportr. Nothing was written."));
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(MigrationFile.Parse("m", Read(MigrationFiles()[1])).UpSql, Does.Contain("DROP TABLE \"reporter\""));
    }

    [Test]
    public async Task WrongInputIsRefusedWithAMessage()
    {
        await WriteBaseAsync(NewsroomSnapshots.V1);
        var noAttribute = SnapshotAssembly.EmitSource(Path.Combine(work, "bin", "plain.dll"), "public class Plain { }");
        var newer = SnapshotAssembly.EmitSource(Path.Combine(work, "bin", "newer.dll"), SnapshotAssembly.Attribute("""{"format":"relgen-schema","version":9,"tables":[]}"""));

        var badName = await AddAsync("2Bad", NewsroomSnapshots.V2);
        var duplicate = await AddAsync("Base", NewsroomSnapshots.V2);
        var missing = await ToolRun.RunAsync(work, null, "migrations", "add", "X", "--assembly", noAttribute, "--migrations-dir", "Migrations");
        var future = await ToolRun.RunAsync(work, null, "migrations", "add", "X", "--assembly", newer, "--migrations-dir", "Migrations");
        var badRename = await AddAsync("X", NewsroomSnapshots.V2, null, "--rename", "article=story");
        var unknownOption = await ToolRun.RunAsync(work, null, "migrations", "add", "X", "--bogus");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(badName.ExitCode, Is.EqualTo(2));
            Assert.That(badName.Error, Does.StartWith("'2Bad' is not a migration name"));
            Assert.That(duplicate.ExitCode, Is.EqualTo(1));
            Assert.That(duplicate.Error, Does.StartWith("There is a migration called Base already"));
            Assert.That(missing.ExitCode, Is.EqualTo(1));
            Assert.That(missing.Error, Does.Contain("carries no schema snapshot").And.Contain("reference the RelGen package"));
            Assert.That(future.ExitCode, Is.EqualTo(1));
            Assert.That(future.Error, Does.Contain("format version 9, written by a newer RelGen"));
            Assert.That(badRename.ExitCode, Is.EqualTo(1));
            Assert.That(badRename.Error, Does.Contain("Cannot rename table 'article': the models still have it."));
            Assert.That(unknownOption.ExitCode, Is.EqualTo(2));
            Assert.That(unknownOption.Error, Does.StartWith("Unknown option --bogus."));
            Assert.That(MigrationFiles(), Has.Length.EqualTo(1));
        }
    }

    [Test]
    public void ANewMigrationSortsLastEvenWhenTheClockIsBehind()
    {
        Assert.That(Tool.Commands.AddCommand.Timestamp(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), "20251231235959_Later"), Is.EqualTo("20260101000000"));
        Assert.That(Tool.Commands.AddCommand.Timestamp(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), "20241231235959_Earlier"), Is.EqualTo("20250101000000"));
    }

    [Test]
    public async Task ListAndScript()
    {
        foreach (var (step, i) in NewsroomSnapshots.Steps.Take(3).Select((s, i) => (s, i)))
        {
            var run = await ToolRun.RunAtAsync(work, null, ToolRun.Now.AddDays(i), "migrations", "add", step.Name[15..], "--assembly", Dll(step.To), "--migrations-dir", "Migrations");
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
        }
        var names = MigrationFiles().Select(Path.GetFileNameWithoutExtension).ToArray();

        var list = await ToolRun.RunAsync(work, null, "migrations", "list", "--migrations-dir", "Migrations");
        var script = await ToolRun.RunAsync(work, null, "migrations", "script", "--migrations-dir", "Migrations", "--to", names[1]!);

        Assert.That(list.Output, Is.EqualTo(string.Join(Environment.NewLine, [.. names, "3 migrations; the latest snapshot has 2 tables.", ""])));
        Assert.That(script.ExitCode, Is.Zero, script.ToString());
        Assert.That(script.Output, Does.Contain("-- " + names[1]).And.Not.Contain("-- " + names[2]));

        // A database scripted by hand is one MigrateAsync knows: same history rows, same checksums.
        var migrations = names.Select(n => MigrationFile.Parse(n!, Read(n + ".sql"))).Select(f => new MigrationDescriptor(f.Name, f.UpSql, f.DownSql)).ToList();
        var connectionString = await NewSchemaAsync("scripted");
        await ExecuteAsync(connectionString, script.Output);
        await using var db = RelGenDatabase.Create(connectionString);
        var result = await db.RunMigrationsAsync(migrations, null, CancellationToken.None);
        Assert.That(result.Adopted, Is.Empty);
        Assert.That(result.Applied, Is.EqualTo(new[] { names[2] }));
        Assert.That((await HistoryAsync(connectionString)).Select(h => h.Checksum), Is.EqualTo(migrations.Select(m => m.Checksum)));
        Assert.That(migrations.Select(m => MigrationChecksum.Of(m.UpSql)), Is.EqualTo(migrations.Select(m => m.Checksum)), "the tool's checksum is the runtime's");
    }

    /// <summary>An earlier migration "Base" whose snapshot is <paramref name="snapshot"/>.</summary>
    async Task WriteBaseAsync(SchemaSnapshot snapshot)
    {
        var run = await ToolRun.RunAtAsync(work, null, ToolRun.Now.AddDays(-1), "migrations", "add", "Base", "--assembly", Dll(snapshot), "--migrations-dir", "Migrations");
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
    }
}
