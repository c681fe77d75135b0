extern alias generator;

using generator::RelGen.Generator.Model;
using Microsoft.CodeAnalysis;
using RelGen.Schema.Json;

namespace RelGen.Tests.Generator.Schema;

/// <summary>
/// The project's migrations reach the runtime through the generator: every <c>Migrations/*.sql</c> is embedded and
/// registered for MigrateAsync, a malformed one is an RG error on the file; <c>relgen.snapshot.json</c> is compared with
/// the models, and a difference is an RG warning naming it (fires, then clears once a migration is added).
/// </summary>
public class MigrationFilesTests
{
    private const string Initial = """
        -- RelGen migration 20250101000000_Initial
        -- Changes:
        --   create table reporter

        -- relgen:up
        CREATE TABLE "reporter" ("id" integer NOT NULL);

        -- relgen:down
        DROP TABLE "reporter";
        """;

    private const string AddNickname = """
        -- relgen:up
        ALTER TABLE "reporter" ADD COLUMN "nickname" text;
        """;

    [Test]
    public void EveryMigrationFileIsRegisteredInNameOrder()
    {
        var run = new ProjectFiles()
            .Migration("20250202000000_AddNickname.sql", AddNickname)
            .Migration("20250101000000_Initial.sql", Initial)
            .Other("/project/notes.sql", "-- relgen:up\nSELECT 1;")
            .Run(ContractModels.Reporter);

        RunAssert.Clean(run);
        var file = run.GeneratedSources["RelGen.Migrations.g.cs"];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(file, Does.Contain("""
                global::RelGen.Metadata.MigrationRegistry.Register(
                                new global::RelGen.Metadata.MigrationDescriptor("20250101000000_Initial", "CREATE TABLE \"reporter\" (\"id\" integer NOT NULL);", "DROP TABLE \"reporter\";"),
                                new global::RelGen.Metadata.MigrationDescriptor("20250202000000_AddNickname", "ALTER TABLE \"reporter\" ADD COLUMN \"nickname\" text;", null));
                """));
            Assert.That(file, Does.Contain("[global::System.Runtime.CompilerServices.ModuleInitializer]"));
            Assert.That(file, Does.Not.Contain("SELECT 1"), "an additional file the package did not mark is not a migration");
        }
    }

    [Test]
    public void NoMigrationFilesNoMigrationsFile()
    {
        var run = new ProjectFiles().Other("/project/Migrations/20250101000000_Initial.sql", Initial).Run(ContractModels.Reporter);

        RunAssert.Clean(run);
        Assert.That(run.GeneratedSources.Keys, Does.Not.Contain("RelGen.Migrations.g.cs"));
    }

    [TestCase("20250101000000_Broken.sql", "CREATE TABLE x (id int);", "no line '-- relgen:up' starts the up section")]
    [TestCase("20250101000000_Twice.sql", "-- relgen:up\nSELECT 1;\n-- relgen:up\nSELECT 2;", "the line '-- relgen:up' appears twice")]
    [TestCase("AddThings.sql", "-- relgen:up\nSELECT 1;", "its name is not <yyyyMMddHHmmss>_<Name>.sql")]
    public void RG0026_AMalformedMigrationFile(string fileName, string text, string problem)
    {
        var run = new ProjectFiles().Migration("20250101000000_Initial.sql", Initial).Migration(fileName, text).Run(ContractModels.Reporter);

        var diagnostic = SingleDiagnostic(run, "RG0026", DiagnosticSeverity.Error);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Location.GetLineSpan().Path, Is.EqualTo("/project/Migrations/" + fileName));
            Assert.That(diagnostic.GetMessage(), Does.Contain("'/project/Migrations/" + fileName + "'").And.Contain(problem));
            Assert.That(run.GeneratedSources["RelGen.Migrations.g.cs"], Does.Contain("20250101000000_Initial"), "the readable files are still registered");
        }
    }

    [Test]
    public void ThePendingChangeWarningFiresAndClears()
    {
        var files = new ProjectFiles().Migration("20250101000000_Initial.sql", Initial);
        var driver = files.CreateDriver();
        var compilation = GeneratorHarness.CreateCompilation(ContractModels.Reporter);

        // The first migration's snapshot, as `migrations add` writes it: the models as they are.
        var first = GeneratorHarness.Run(driver, compilation);
        RunAssert.Clean(first);
        var snapshot = new SnapshotFile(SnapshotJson.Write(GeneratedSnapshot.Of(first)!, indented: true));
        driver = first.Driver.AddAdditionalTexts([snapshot]);
        var matching = GeneratorHarness.Run(driver, compilation);
        RunAssert.Clean(matching);

        // A model changes: the build warns, naming the change.
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(t => t.FilePath == GeneratorHarness.SourcePath(0)),
            GeneratorHarness.Parse(ContractModels.Reporter.Replace("public int Id { get; set; }", "public int Id { get; set; }\n    [MaxLength(20)] public string? Nickname { get; set; }"), GeneratorHarness.SourcePath(0)));
        var changed = GeneratorHarness.Run(matching.Driver, edited);
        var warning = SingleDiagnostic(changed, "RG0027", DiagnosticSeverity.Warning);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(warning.Location.GetLineSpan().Path, Is.EqualTo(SnapshotFile.FilePath));
            Assert.That(warning.GetMessage(), Does.Contain("add column reporter.nickname (varchar(20))").And.Contain("dotnet relgen migrations add"));
            Assert.That(changed.CompilerDiagnostics, Is.Empty, "the warning is the generator's, the code compiles");
        }

        // `migrations add` writes the new snapshot: the warning is gone.
        var added = new SnapshotFile(SnapshotJson.Write(GeneratedSnapshot.Of(changed)!, indented: true));
        var cleared = GeneratorHarness.Run(changed.Driver.ReplaceAdditionalText(snapshot, added), edited);
        RunAssert.Clean(cleared);
    }

    [Test]
    public void TheWarningCountsTheOtherChanges()
    {
        var run = new ProjectFiles()
            .Migration("relgen.snapshot.json", """{ "format": "relgen-schema", "version": 1, "tables": [] }""")
            .Run(ContractModels.Reporter, ContractModels.Article);

        var warning = SingleDiagnostic(run, "RG0027", DiagnosticSeverity.Warning);
        Assert.That(warning.GetMessage(), Does.Contain("create table article (and 3 more changes)"));
    }

    [Test]
    public void NoSnapshotFileOrTheCheckTurnedOffNoWarning()
    {
        var stale = """{ "format": "relgen-schema", "version": 1, "tables": [] }""";
        var withoutSnapshot = new ProjectFiles().Migration("20250101000000_Initial.sql", Initial).Run(ContractModels.Reporter);
        var turnedOff = new ProjectFiles().Migration("relgen.snapshot.json", stale).Property("RelGenCheckMigrations", "false").Run(ContractModels.Reporter);
        var turnedOn = new ProjectFiles().Migration("relgen.snapshot.json", stale).Property("RelGenCheckMigrations", "true").Run(ContractModels.Reporter);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(withoutSnapshot.GeneratorDiagnostics, Is.Empty, withoutSnapshot.Describe);
            Assert.That(turnedOff.GeneratorDiagnostics, Is.Empty, turnedOff.Describe);
            Assert.That(turnedOn.GeneratorDiagnostics.Select(d => d.Id), Is.EqualTo(new[] { "RG0027" }), turnedOn.Describe);
        }
    }

    [Test]
    public void RG0028_AnUnreadableSnapshot()
    {
        var run = new ProjectFiles()
            .Migration("relgen.snapshot.json", "{ \"format\": \"relgen-schema\", \"version\": 1, <<<<<<< HEAD")
            .Run(ContractModels.Reporter);

        var diagnostic = SingleDiagnostic(run, "RG0028", DiagnosticSeverity.Error);
        Assert.That(diagnostic.GetMessage(), Does.Contain("'/project/Migrations/relgen.snapshot.json' cannot be read").And.Contain("merge conflict"));
    }

    [Test]
    public void EditingOneMigrationFileRereadsOnlyThatFile()
    {
        var files = new ProjectFiles().Migration("20250101000000_Initial.sql", Initial).Migration("20250202000000_AddNickname.sql", AddNickname);
        var compilation = GeneratorHarness.CreateCompilation(ContractModels.Reporter);
        var first = GeneratorHarness.Run(files.CreateDriver(), compilation);
        var original = files.Texts.Single(t => t.Path.EndsWith("AddNickname.sql", StringComparison.Ordinal));
        var driver = first.Driver.ReplaceAdditionalText(original, new SnapshotFile(AddNickname.Replace("text", "varchar(20)"), original.Path));

        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        var reasons = result.TrackedSteps[TrackingNames.MigrationFiles].SelectMany(s => s.Outputs)
            .Select(o => (((MigrationInputSpec)o.Value).Name, o.Reason)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reasons.Where(r => r.Name == "20250202000000_AddNickname").Select(r => r.Reason), Is.EqualTo(new[] { IncrementalStepRunReason.Modified }));
            Assert.That(reasons.Where(r => r.Name == "20250101000000_Initial").Select(r => r.Reason), Is.All.AnyOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged));
            Assert.That(result.TrackedSteps[TrackingNames.ModelFiles].SelectMany(s => s.Outputs).Select(o => o.Reason),
                Is.All.AnyOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged), "the models' files do not depend on the migrations");
            Assert.That(result.GeneratedSources.Single(s => s.HintName == "RelGen.Migrations.g.cs").SourceText.ToString(), Does.Contain("varchar(20)"));
        }
    }

    private static Diagnostic SingleDiagnostic(GeneratorRun run, string id, DiagnosticSeverity severity)
    {
        Assert.That(run.GeneratorDiagnostics.Select(d => d.Id), Is.EqualTo(new[] { id }), run.Describe);
        Assert.That(run.GeneratorDiagnostics[0].Severity, Is.EqualTo(severity));
        return run.GeneratorDiagnostics[0];
    }

    /// <summary>An additional file under /project/Migrations, which <see cref="ProjectFiles"/> marks as the props file does.</summary>
    private sealed class SnapshotFile(string text, string path = SnapshotFile.FilePath) : AdditionalText
    {
        public const string FilePath = "/project/Migrations/relgen.snapshot.json";

        public override string Path => path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default)
            => Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }
}
