using RelGen.Schema.Files;
using RelGen.Schema.Json;

namespace RelGen.Tests.Migrations;

/// <summary>
/// The tool on real project files: MSBuild tells it where the assembly and the migrations folder are, and without
/// --no-build it builds the project first. The project defines the snapshot attribute itself (the tool matches it by
/// name), so these tests need neither the packed RelGen nor the generator.
/// </summary>
public sealed class ToolBuildTests
{
    string work = "";

    [SetUp]
    public void CreateFolder() => work = Directory.CreateTempSubdirectory("relgen-tool-build-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(work, recursive: true);

    void WriteProject(string extraProperties = "")
    {
        File.WriteAllText(Path.Combine(work, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                {extraProperties}
              </PropertyGroup>
            </Project>
            """);
        foreach (var stop in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
            File.WriteAllText(Path.Combine(work, stop), "<Project />\n");
    }

    static string Source(Schema.Snapshots.SchemaSnapshot snapshot) => $$"""
        {{SnapshotAssembly.Attribute(SnapshotJson.Write(snapshot, indented: false))}}

        namespace RelGen.Metadata
        {
            [System.AttributeUsage(System.AttributeTargets.Assembly)]
            public sealed class SchemaSnapshotAttribute(string json) : System.Attribute
            {
                public string Json { get; } = json;
            }
        }
        """;

    [Test]
    public async Task NoBuildReadsTheAssemblyAndFolderMSBuildNames()
    {
        WriteProject("<RelGenMigrationsDirectory>Data/Migrations</RelGenMigrationsDirectory>");
        SnapshotAssembly.Emit(Path.Combine(work, "bin", "Debug", "net10.0", "Consumer.dll"), NewsroomSnapshots.V1);

        var run = await ToolRun.RunAsync(work, null, "migrations", "add", "Initial", "--no-build");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Output, Does.Not.Contain("Building"));
        Assert.That(File.ReadAllText(Path.Combine(work, "Data", "Migrations", "relgen.snapshot.json")), Is.EqualTo(SnapshotJson.Write(NewsroomSnapshots.V1, indented: true)));
        Assert.That(Directory.GetFiles(Path.Combine(work, "Data", "Migrations"), "*_Initial.sql"), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task WithoutNoBuildTheProjectIsBuiltFirst()
    {
        WriteProject();
        File.WriteAllText(Path.Combine(work, "Snapshot.cs"), Source(NewsroomSnapshots.V1));
        var first = await ToolRun.RunAtAsync(work, null, ToolRun.Now, "migrations", "add", "Initial", "--project", "Consumer.csproj");
        File.WriteAllText(Path.Combine(work, "Snapshot.cs"), Source(NewsroomSnapshots.V2));
        var second = await ToolRun.RunAtAsync(work, null, ToolRun.Now.AddHours(1), "migrations", "add", "AddColumns", "--project", work);
        File.WriteAllText(Path.Combine(work, "Snapshot.cs"), "this does not compile");
        var broken = await ToolRun.RunAtAsync(work, null, ToolRun.Now.AddHours(2), "migrations", "add", "Broken");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.ExitCode, Is.Zero, first.ToString());
            Assert.That(first.Output, Does.StartWith("Building Consumer.csproj..."));
            Assert.That(second.ExitCode, Is.Zero, second.ToString());
            var files = Directory.GetFiles(Path.Combine(work, "Migrations"), "*.sql").Select(Path.GetFileName).Order().ToArray();
            Assert.That(files, Is.EqualTo(new[] { "20250304050607_Initial.sql", "20250304060607_AddColumns.sql" }));
            Assert.That(MigrationFile.Parse("m", File.ReadAllText(Path.Combine(work, "Migrations", files[1]!))).UpSql,
                Is.EqualTo(MigrationScript.Between(NewsroomSnapshots.V1, NewsroomSnapshots.V2).UpSql), "the second build's snapshot was read, not the first's");
            Assert.That(broken.ExitCode, Is.EqualTo(1));
            Assert.That(broken.Error, Does.Contain("The build of").And.Contain("failed; nothing was written").And.Contain("error CS"));
        }
    }
}
