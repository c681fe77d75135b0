using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace RelGen.Tests.Packaging;

/// <summary>
/// Packs the solution as a user would get it, then builds small projects that reference nothing but the
/// RelGen package: the generator must run from the package (generated members compile, RG0001 fires).
/// Everything happens in this fixture's own temp folder: its own version, feed, build output
/// (--artifacts-path, so the repository's bin/obj are untouched) and packages folder (so no RelGen
/// cached by an earlier run can stand in).
/// </summary>
[Category("Packaging")]
public sealed partial class PackageConsumerTests
{
    static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);
    static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);

    string work = "";
    string feed = "";
    string packages = "";
    string version = "";

    [OneTimeSetUp]
    public async Task PackTheSolutionAsync()
    {
        work = Directory.CreateTempSubdirectory("relgen-packaging-").FullName;
        feed = Path.Combine(work, "feed");
        packages = Path.Combine(work, "packages");
        // Unique per run: a prerelease of 0.0.0 that no real release or earlier run shares.
        version = string.Create(CultureInfo.InvariantCulture, $"0.0.0-ci.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}");

        string root = RepositoryRoot();
        var pack = await DotnetCli.RunAsync(root, PackTimeout, null,
            "pack", Path.Combine(root, "RelGen.sln"), "-c", "Release", "-o", feed, $"-p:Version={version}",
            "--artifacts-path", Path.Combine(work, "artifacts"), "-nodeReuse:false", "-tl:off");
        TestContext.Progress.WriteLine($"Packed RelGen {version} in {pack.Elapsed.TotalSeconds:0.0} s.");
        Assert.That(pack.Succeeded, Is.True, pack.ToString());
    }

    [OneTimeTearDown]
    public void DeleteWorkFolder()
    {
        try
        {
            if (work.Length > 0)
                Directory.Delete(work, recursive: true);
        }
        catch (IOException e)
        {
            TestContext.Progress.WriteLine($"Could not delete {work}: {e.Message}");
        }
    }

    [Test]
    public void PackWritesThePackagesWithTheGeneratorAsAnalyzer()
    {
        Assert.That(Directory.GetFiles(feed).Select(Path.GetFileName),
            Is.EquivalentTo(new[] { $"RelGen.{version}.nupkg", $"RelGen.Testing.{version}.nupkg", $"RelGen.Tool.{version}.nupkg" }));

        using var relGen = ZipFile.OpenRead(Path.Combine(feed, $"RelGen.{version}.nupkg"));
        using var testing = ZipFile.OpenRead(Path.Combine(feed, $"RelGen.Testing.{version}.nupkg"));
        string[] entries = relGen.Entries.Select(e => e.FullName).ToArray();
        var nuspec = XDocument.Load(relGen.GetEntry("RelGen.nuspec")!.Open()).Root!;
        XNamespace ns = nuspec.Name.Namespace;
        var metadata = nuspec.Element(ns + "metadata")!;
        var groups = metadata.Element(ns + "dependencies")!.Elements(ns + "group").ToDictionary(
            g => (string)g.Attribute("targetFramework")!,
            g => g.Elements(ns + "dependency").Select(d => (string)d.Attribute("id")!).Order().ToArray());
        string[] dependencies = ["Microsoft.Extensions.Logging.Abstractions", "Npgsql"];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entries, Does.Contain("analyzers/dotnet/cs/RelGen.Generator.dll"));
            Assert.That(entries.Where(e => e.EndsWith("RelGen.Generator.dll", StringComparison.Ordinal)), Has.Exactly(1).Items,
                "the generator ships as an analyzer only, never as a lib reference");
            Assert.That(entries, Does.Contain("lib/net8.0/RelGen.dll").And.Contain("lib/net10.0/RelGen.dll").And.Contain("README.md"));
            Assert.That(entries, Does.Contain("build/RelGen.props").And.Contain("buildTransitive/RelGen.props"), "hands Migrations/ to the generator");
            Assert.That(groups.Keys, Is.EquivalentTo(new[] { "net8.0", "net10.0" }));
            Assert.That(groups.Values, Has.All.EqualTo(dependencies));
            Assert.That((string?)metadata.Element(ns + "id"), Is.EqualTo("RelGen"));
            Assert.That((string?)metadata.Element(ns + "version"), Is.EqualTo(version));
            Assert.That((string?)metadata.Element(ns + "license"), Is.EqualTo("MIT"));
            Assert.That((string?)metadata.Element(ns + "license")?.Attribute("type"), Is.EqualTo("expression"));
            Assert.That((string?)metadata.Element(ns + "readme"), Is.EqualTo("README.md"));
            Assert.That((string?)metadata.Element(ns + "repository")?.Attribute("type"), Is.EqualTo("git"));
            Assert.That((string?)metadata.Element(ns + "tags"), Does.Contain("postgresql"));
            Assert.That((string?)metadata.Element(ns + "description"), Is.Not.Empty);
            Assert.That(testing.Entries.Select(e => e.FullName),
                Does.Contain("lib/net8.0/RelGen.Testing.dll").And.Contain("lib/net10.0/RelGen.Testing.dll"));
        }
    }

    [Test]
    public async Task AProjectWithOnlyThePackageReferenceCompilesTheGeneratedMembers()
    {
        var build = await BuildConsumerAsync("newsroom", ConsumerSources.Newsroom);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(build.Succeeded, Is.True, build.ToString());
            Assert.That(WarningLine().IsMatch(build.Output), Is.False, build.ToString());
            // Restored into this fixture's own folder, from this run's feed.
            Assert.That(Path.Combine(packages, "relgen", version, "analyzers", "dotnet", "cs", "RelGen.Generator.dll"), Does.Exist);
        }
    }

    [Test]
    public async Task ANonPartialModelFailsTheBuildWithRG0001()
    {
        var build = await BuildConsumerAsync("not-partial", ConsumerSources.NotPartial);

        string[] errorIds = ErrorId().Matches(build.Output).Select(m => m.Groups["id"].Value).Distinct().ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(build.ExitCode, Is.Not.Null.And.Not.Zero, build.ToString());
            Assert.That(errorIds, Is.EqualTo(new[] { "RG0001" }), build.ToString());
            Assert.That(build.Output, Does.Contain("Program.cs(6,14): error RG0001: Model class 'Note' must be declared 'partial'"), build.ToString());
        }
    }

    Task<CliResult> BuildConsumerAsync(string name, string programSource)
    {
        string directory = ConsumerProject.Write(Path.Combine(work, name), feed, version, programSource);
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };
        return DotnetCli.RunAsync(directory, BuildTimeout, environment, "build", "-nodeReuse:false", "-tl:off");
    }

    /// <summary>The folder holding RelGen.sln, above the test assembly's bin folder.</summary>
    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RelGen.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No RelGen.sln above {TestContext.CurrentContext.TestDirectory}.");
    }

    [GeneratedRegex(@": warning [A-Z]+[0-9]+")]
    private static partial Regex WarningLine();

    [GeneratedRegex(@": error (?<id>[A-Z]+[0-9]+)")]
    private static partial Regex ErrorId();
}
