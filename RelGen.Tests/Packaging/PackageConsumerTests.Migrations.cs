using System.IO.Compression;
using System.Xml.Linq;
using Npgsql;

namespace RelGen.Tests.Packaging;

/// <summary>The RelGen.Tool package, and the migrations workflow from a user's side: install the tool, add migrations, apply them.</summary>
public sealed partial class PackageConsumerTests
{
    [Test]
    public void TheToolPackageIsADotnetToolNamedRelgen()
    {
        using var tool = ZipFile.OpenRead(Path.Combine(feed, $"RelGen.Tool.{version}.nupkg"));
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
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };
        string directory = ConsumerProject.Write(Path.Combine(work, "tool-only"), feed, version, MigratingProgram(withNickname: false));
        var manifest = await DotnetCli.RunAsync(directory, BuildTimeout, environment, "new", "tool-manifest");
        var install = await DotnetCli.RunAsync(directory, BuildTimeout, environment, "tool", "install", "RelGen.Tool", "--version", version, "--add-source", feed);
        var list = await DotnetCli.RunAsync(directory, BuildTimeout, environment, "relgen", "migrations", "list");
        var wrong = await DotnetCli.RunAsync(directory, BuildTimeout, environment, "relgen", "migrations", "remove");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(manifest.Succeeded, Is.True, manifest.ToString());
            Assert.That(install.Succeeded, Is.True, install.ToString());
            Assert.That(list.Succeeded, Is.True, list.ToString());
            Assert.That(list.Output, Does.Contain("No migrations in " + Path.Combine(directory, "Migrations")));
            Assert.That(wrong.ExitCode, Is.EqualTo(2), wrong.ToString());
            Assert.That(wrong.Output, Does.Contain("Unknown command 'migrations remove'.").And.Contain("dotnet relgen migrations add <Name>"));
        }
    }

    /// <summary>
    /// Needs the generator side of the migrations (issue 15, wired by the lead): the generator must put
    /// <c>[assembly: RelGen.Metadata.SchemaSnapshotAttribute(json)]</c> on the user's assembly and register each
    /// <c>Migrations/*.sql</c> AdditionalFile through <c>MigrationRegistry.Register</c> from a module initializer.
    /// Until then the first `migrations add` stops at "carries no schema snapshot".
    /// </summary>
    [Test]
    [Ignore("waits for the generator wiring: SchemaSnapshotAttribute and MigrationRegistry.Register emitted by the generator")]
    public async Task TheToolInstalledAsALocalToolAddsMigrationsThatMigrateAsyncApplies()
    {
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };
        string directory = ConsumerProject.Write(Path.Combine(work, "migrating"), feed, version, MigratingProgram(withNickname: false));
        foreach (string[] step in new[]
        {
            new[] { "new", "tool-manifest" },
            new[] { "tool", "install", "RelGen.Tool", "--version", version, "--add-source", feed },
            new[] { "relgen", "migrations", "add", "Initial" },
        })
        {
            var run = await DotnetCli.RunAsync(directory, BuildTimeout, environment, step);
            Assert.That(run.Succeeded, Is.True, run.ToString());
        }
        File.WriteAllText(Path.Combine(directory, "Program.cs"), MigratingProgram(withNickname: true));
        var second = await DotnetCli.RunAsync(directory, BuildTimeout, environment, "relgen", "migrations", "add", "AddNickname");
        Assert.That(second.Succeeded, Is.True, second.ToString());
        Assert.That(second.Output, Does.Contain("add column reporter.nickname (varchar(20))"));

        string database = await (await PostgresSetUp.GetServerAsync()).CreateDatabaseAsync();
        var migrate = await DotnetCli.RunAsync(directory, BuildTimeout, environment, "run", "--", database);

        Assert.That(migrate.Succeeded, Is.True, migrate.ToString());
        Assert.That(migrate.Output, Does.Match(@"applied: \d{14}_Initial, \d{14}_AddNickname"));
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var type = await new NpgsqlCommand(
            "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'reporter'::regclass AND attname = 'nickname'", connection).ExecuteScalarAsync();
        Assert.That(type, Is.EqualTo("character varying(20)"));
        NpgsqlConnection.ClearPool(connection);
    }

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
