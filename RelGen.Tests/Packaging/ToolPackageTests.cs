using System.IO.Compression;
using System.Xml.Linq;
using Npgsql;

namespace RelGen.Tests.Packaging;

/// <summary>The RelGen.Tool package, and the migrations workflow from a user's side: install the tool, add migrations, apply them.</summary>
[Category("Packaging")]
public sealed class ToolPackageTests
{
    static PackedFeed Feed => PackagingSetUp.Feed;

    static IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["NUGET_PACKAGES"] = Feed.Packages };

    [Test]
    public void TheToolPackageIsADotnetToolNamedRelgen()
    {
        using var tool = ZipFile.OpenRead(Feed.PackagePath("RelGen.Tool"));
        string[] entries = tool.Entries.Select(e => e.FullName).ToArray();
        var nuspec = XDocument.Load(tool.GetEntry("RelGen.Tool.nuspec")!.Open()).Root!;
        XNamespace ns = nuspec.Name.Namespace;
        var settings = XDocument.Load(tool.GetEntry("tools/net8.0/any/DotnetToolSettings.xml")!.Open()).Root!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entries, Does.Contain("tools/net8.0/any/RelGen.Tool.dll").And.Contain("tools/net8.0/any/RelGen.Schema.dll"));
            Assert.That(nuspec.Descendants(ns + "packageType").Select(p => (string?)p.Attribute("name")), Does.Contain("DotnetTool"));
            Assert.That(settings.Descendants("Command").Select(c => (string?)c.Attribute("Name")), Is.EqualTo(new[] { "relgen" }));
        }
    }

    [Test]
    public async Task TheToolInstallsAsALocalToolAndRuns()
    {
        var consumer = ConsumerProject.Write(Feed, "tool-only", MigratingProgram(withNickname: false));
        var manifest = await Dotnet(consumer, "new", "tool-manifest");
        var install = await Dotnet(consumer, "tool", "install", "RelGen.Tool", "--version", Feed.Version, "--add-source", Feed.Feed);
        var list = await Dotnet(consumer, "relgen", "migrations", "list");
        var wrong = await Dotnet(consumer, "relgen", "migrations", "remove");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(manifest.Succeeded, Is.True, manifest.ToString());
            Assert.That(install.Succeeded, Is.True, install.ToString());
            Assert.That(list.Succeeded, Is.True, list.ToString());
            Assert.That(list.Output, Does.Contain("No migrations in " + Path.Combine(consumer.Directory, "Migrations")));
            Assert.That(wrong.ExitCode, Is.EqualTo(2), wrong.ToString());
            Assert.That(wrong.Output, Does.Contain("Unknown command 'migrations remove'.").And.Contain("dotnet relgen migrations add <Name>"));
        }
    }

    /// <summary>
    /// The whole workflow: the generator puts the models' schema on the assembly and registers each
    /// <c>Migrations/*.sql</c> file, the tool compares and writes migrations, <c>MigrateAsync</c> applies them. In between,
    /// a model changed without a migration fails the build (warnings as errors) with RG0027 naming the change, and the
    /// tool's own build still succeeds.
    /// </summary>
    [Test]
    public async Task TheToolInstalledAsALocalToolAddsMigrationsThatMigrateAsyncApplies()
    {
        var consumer = ConsumerProject.Write(Feed, "migrating", MigratingProgram(withNickname: false));
        foreach (string[] step in new[]
        {
            new[] { "new", "tool-manifest" },
            new[] { "tool", "install", "RelGen.Tool", "--version", Feed.Version, "--add-source", Feed.Feed },
            new[] { "relgen", "migrations", "add", "Initial" },
        })
        {
            var run = await Dotnet(consumer, step);
            Assert.That(run.Succeeded, Is.True, run.ToString());
        }
        File.WriteAllText(Path.Combine(consumer.Directory, "Program.cs"), MigratingProgram(withNickname: true));
        var pending = await consumer.BuildAsync(Feed);
        Assert.That(pending.Succeeded, Is.False, "the model changed and no migration says so: " + pending);
        Assert.That(pending.Output, Does.Contain("RG0027").And.Contain("add column reporter.nickname (varchar(20))"));
        var second = await Dotnet(consumer, "relgen", "migrations", "add", "AddNickname");
        Assert.That(second.Succeeded, Is.True, second.ToString());
        Assert.That(second.Output, Does.Contain("add column reporter.nickname (varchar(20))"));

        string database = await (await PostgresSetUp.GetServerAsync()).CreateDatabaseAsync();
        var build = await consumer.BuildAsync(Feed);
        Assert.That(build.Succeeded, Is.True, build.ToString());
        Assert.That(build.Output, Does.Not.Contain("RG0027"), "the new migration's snapshot matches the models");
        var migrate = await consumer.RunAsync(Feed, database);

        Assert.That(migrate.Succeeded, Is.True, migrate.ToString());
        Assert.That(migrate.Output, Does.Match(@"applied: \d{14}_Initial, \d{14}_AddNickname"));
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var type = await new NpgsqlCommand(
            "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'reporter'::regclass AND attname = 'nickname'", connection).ExecuteScalarAsync();
        Assert.That(type, Is.EqualTo("character varying(20)"));
        NpgsqlConnection.ClearPool(connection);
    }

    static Task<CliResult> Dotnet(ConsumerProject consumer, params string[] arguments)
        => DotnetCli.RunAsync(consumer.Directory, PackagingSetUp.HangGuard, Environment, arguments);

    static string MigratingProgram(bool withNickname) => $$"""
        using System.ComponentModel.DataAnnotations;
        using RelGen;

        await using var db = RelGenDatabase.Create(args[0]);
        var result = await db.MigrateAsync();
        Console.WriteLine("applied: " + string.Join(", ", result.Applied));

        [Model]
        public partial class Reporter
        {
            public int Id { get; set; }
            [MaxLength(30)] public string FirstName { get; set; } = "";
            {{(withNickname ? "[MaxLength(20)] public string? Nickname { get; set; }" : "")}}
        }

        """;
}
