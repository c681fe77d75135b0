using System.Globalization;

namespace RelGen.Tests.Packaging;

/// <summary>
/// Packs the packable projects (RelGen.Packages.slnf: the runtime with its generator, and RelGen.Testing) once
/// for every packaging test of the run, as CI would publish them (Release, ContinuousIntegrationBuild), into a
/// folder of their own: feed and packages folder in a temporary folder, build output in the repository's ignored
/// artifacts/packaging-tests/ (--artifacts-path, so the repository's bin/obj are untouched). Removed after the last packaging test.
/// </summary>
[SetUpFixture]
public sealed class PackagingSetUp
{
    /// <summary>
    /// Only a guard against a hung child process; a slow machine never comes near it (a pack takes about a
    /// minute on two busy cores, a consumer's restore and build well under one).
    /// </summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(30);

    static PackedFeed? feed;

    public static PackedFeed Feed => feed ?? throw new InvalidOperationException("The packages are packed in PackagingSetUp's OneTimeSetUp.");

    [OneTimeSetUp]
    public async Task PackAsync()
    {
        string work = Directory.CreateTempSubdirectory("relgen-packaging-").FullName;
        // Unique per run: a prerelease of 0.0.0 that no real release or earlier run shares.
        string version = string.Create(CultureInfo.InvariantCulture, $"0.0.0-ci.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}");
        string root = RepositoryRoot();
        // The build output goes under the repository's (ignored) artifacts folder, not the temp folder: inside the
        // repository, ContinuousIntegrationBuild maps the generated sources' and PDBs' paths to /_/ like the rest.
        var packed = new PackedFeed(work, Path.Combine(work, "feed"), Path.Combine(work, "packages"), version, root,
            Path.Combine(root, "artifacts", "packaging-tests", Path.GetFileName(work)));

        var pack = await DotnetCli.RunAsync(root, HangGuard, null,
            "pack", Path.Combine(root, "RelGen.Packages.slnf"), "-c", "Release", "-o", packed.Feed, $"-p:Version={version}",
            "-p:ContinuousIntegrationBuild=true", "--artifacts-path", packed.Artifacts, "-nodeReuse:false", "-tl:off");
        TestContext.Progress.WriteLine($"Packed RelGen {version} in {pack.Elapsed.TotalSeconds:0.0} s.");
        feed = packed;   // Set even when the pack failed, so the teardown removes the folder.
        Assert.That(pack.Succeeded, Is.True, pack.ToString());
    }

    [OneTimeTearDown]
    public void DeleteWorkFolder()
    {
        if (feed is null)
            return;
        foreach (string folder in new[] { feed.Work, feed.Artifacts })
        {
            try
            {
                if (Directory.Exists(folder))
                    Directory.Delete(folder, recursive: true);
            }
            catch (IOException e)
            {
                TestContext.Progress.WriteLine($"Could not delete {folder}: {e.Message}");
            }
        }
        feed = null;
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
}
