namespace RelGen.Tests.Packaging;

/// <summary>
/// The sample published with NativeAOT, as an application on RelGen would be: the publish must report no trimming or AOT
/// warning (RelGen reflects on nothing, registers models through generated code), and the native program must run the whole
/// walkthrough against a real database.
/// </summary>
[Category("Packaging"), Category("Aot")]
public sealed class NativeAotTests : DatabaseTest
{
    [Test]
    public async Task TheSamplePublishedWithNativeAotHasNoWarningsAndRunsTheWalkthrough()
    {
        string root = RepositoryRoot();
        string work = Directory.CreateTempSubdirectory("relgen-aot-").FullName;
        // Build output under the repository's ignored artifacts folder, so the repository's own bin/obj are untouched.
        string artifacts = Path.Combine(root, "artifacts", "aot-tests", Path.GetFileName(work));
        try
        {
            var publish = await DotnetCli.RunAsync(root, PackagingSetUp.HangGuard, null,
                "publish", Path.Combine(root, "samples", "Newsroom", "Newsroom.csproj"), "-c", "Release", "-r", RuntimeIdentifier(),
                "-p:RelGenAot=true", "-o", Path.Combine(work, "out"), "--artifacts-path", artifacts, "-nodeReuse:false", "-tl:off");
            Assert.That(publish.Succeeded, Is.True, publish.ToString());
            var warnings = publish.Output.Split('\n').Where(line => line.Contains(": warning ", StringComparison.Ordinal)).Distinct().ToList();
            Assert.That(warnings, Is.Empty, publish.ToString());

            var run = await DotnetCli.RunProgramAsync(Path.Combine(work, "out", "Newsroom"), work, PackagingSetUp.HangGuard,
                new Dictionary<string, string> { ["RELGEN_CONNECTION"] = ConnectionString });

            Assert.That(run.Succeeded, Is.True, run.ToString());
            Assert.That(run.Output, Does.Contain("Every step gave the documented result."), run.ToString());
        }
        finally
        {
            foreach (string folder in new[] { work, artifacts })
            {
                if (Directory.Exists(folder))
                    Directory.Delete(folder, recursive: true);
            }
        }
    }

    static string RuntimeIdentifier() => System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;

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
