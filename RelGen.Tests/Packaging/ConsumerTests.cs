using System.Text.Json;
using System.Text.RegularExpressions;

namespace RelGen.Tests.Packaging;

/// <summary>
/// Small projects that reference nothing of RelGen's but the package, restored from the run's feed: the generator
/// must run from the package (generated members compile, RG0001 fires), and the program must work against a real
/// database on the dependency versions a user pins: Npgsql 8, 9 and 10, and a net8.0 app pinning
/// Microsoft.Extensions.Logging.Abstractions 8.
/// </summary>
[Category("Packaging")]
public sealed partial class ConsumerTests
{
    static PackedFeed Feed => PackagingSetUp.Feed;

    [Test]
    public async Task AProjectWithOnlyThePackageReferenceCompilesTheGeneratedMembersAndRuns()
    {
        var consumer = ConsumerProject.Write(Feed, "newsroom", ConsumerSources.Newsroom);

        var build = await consumer.BuildAsync(Feed);
        Assert.That(build.Succeeded, Is.True, build.ToString());
        var run = await consumer.RunAsync(Feed, await CreateDatabaseAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(WarningLine().IsMatch(build.Output), Is.False, build.ToString());
            // Restored into the run's own folder, from the run's feed.
            Assert.That(Path.Combine(Feed.Packages, "relgen", Feed.Version, "analyzers", "dotnet", "cs", "RelGen.Generator.dll"), Does.Exist);
            // NuGet takes the lowest version a range allows: the floors are what a new project gets unless it asks for more.
            Assert.That(ResolvedVersion(consumer, "Npgsql"), Is.EqualTo("8.0.3"));
            Assert.That(ResolvedVersion(consumer, "Dapper"), Is.EqualTo("2.0.123"));
            Assert.That(run.Succeeded, Is.True, run.ToString());
            Assert.That(run.Output, Does.Contain("key kept; johns 1; writers 1; deleted 2"), run.ToString());
            // Raw SQL through Dapper's floor, a DateOnly member read from Npgsql 8's DateTime; a projection with an aggregate.
            Assert.That(run.Output, Does.Contain("raw This is a test 2005-07-27; counted Smith 1"), run.ToString());
            Assert.That(run.Output, Does.Contain("RelGen .NETCoreApp,Version=v10.0"), run.ToString());
        }
    }

    [Test]
    public async Task ANonPartialModelFailsTheBuildWithRG0001()
    {
        var build = await ConsumerProject.Write(Feed, "not-partial", ConsumerSources.NotPartial).BuildAsync(Feed);

        string[] errorIds = ErrorId().Matches(build.Output).Select(m => m.Groups["id"].Value).Distinct().ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(build.ExitCode, Is.Not.Null.And.Not.Zero, build.ToString());
            Assert.That(errorIds, Is.EqualTo(new[] { "RG0001" }), build.ToString());
            Assert.That(build.Output, Does.Contain("Program.cs(6,14): error RG0001: Model class 'Note' must be declared 'partial'"), build.ToString());
        }
    }

    [TestCase("net8.0", "Npgsql", "8.0.3", TestName = "AppPinningADependency_RestoresBuildsAndRuns(net8.0, Npgsql 8)")]
    [TestCase("net8.0", "Npgsql", "9.0.5", TestName = "AppPinningADependency_RestoresBuildsAndRuns(net8.0, Npgsql 9)")]
    [TestCase("net10.0", "Npgsql", "10.0.3", TestName = "AppPinningADependency_RestoresBuildsAndRuns(net10.0, Npgsql 10)")]
    [TestCase("net8.0", "Microsoft.Extensions.Logging.Abstractions", "8.0.0", TestName = "AppPinningADependency_RestoresBuildsAndRuns(net8.0, Logging.Abstractions 8)")]
    public async Task AppPinningADependency_RestoresBuildsAndRuns(string targetFramework, string package, string version)
    {
        var consumer = ConsumerProject.Write(Feed, $"{targetFramework}-{package}-{version}", ConsumerSources.Newsroom, targetFramework,
            new Dictionary<string, string> { [package] = version });

        // A floor above the pinned version would fail the restore with NU1605 (a downgrade), a warning made an error here.
        var build = await consumer.BuildAsync(Feed);
        Assert.That(build.Succeeded, Is.True, build.ToString());
        var run = await consumer.RunAsync(Feed, await CreateDatabaseAsync());

        string shortName = package.Replace("Microsoft.Extensions.", "", StringComparison.Ordinal);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(WarningLine().IsMatch(build.Output), Is.False, build.ToString());
            Assert.That(ResolvedVersion(consumer, package), Is.EqualTo(version));
            Assert.That(run.Succeeded, Is.True, run.ToString());
            Assert.That(run.Output, Does.Contain("key kept; johns 1; writers 1; deleted 2"), run.ToString());
            Assert.That(run.Output, Does.Contain("raw This is a test 2005-07-27; counted Smith 1"), run.ToString());
            Assert.That(run.Output, Does.Contain($"RelGen .NETCoreApp,Version=v{targetFramework[3..]}"), run.ToString());
            Assert.That(run.Output, Does.Contain($"{shortName} {version}."), run.ToString());
        }
    }

    static async Task<string> CreateDatabaseAsync() => await (await PostgresSetUp.GetServerAsync()).CreateDatabaseAsync();

    /// <summary>The version restore chose for <paramref name="package"/> (one per project), from obj/project.assets.json.</summary>
    static string? ResolvedVersion(ConsumerProject consumer, string package)
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(consumer.AssetsFile));
        return assets.RootElement.GetProperty("libraries").EnumerateObject()
            .Select(library => library.Name.Split('/'))
            .Where(parts => string.Equals(parts[0], package, StringComparison.OrdinalIgnoreCase))
            .Select(parts => parts[1])
            .SingleOrDefault();
    }

    [GeneratedRegex(@": warning [A-Z]+[0-9]+")]
    private static partial Regex WarningLine();

    [GeneratedRegex(@": error (?<id>[A-Z]+[0-9]+)")]
    private static partial Regex ErrorId();
}
