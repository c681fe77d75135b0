using RelGen.Testing;

namespace RelGen.Tests.Testing;

public sealed class PostgresBinariesTests
{
    string root = "";

    [SetUp]
    public void CreateRoot() => root = Directory.CreateTempSubdirectory("relgen-test-").FullName;

    [TearDown]
    public void DeleteRoot() => Directory.Delete(root, recursive: true);

    [Test]
    public async Task LocateAsync_PrefersRelgenPgBin_ThenPath()
    {
        string pinned = FakeBin("pinned");
        string onPath = FakeBin("on-path");

        var withBoth = await LocateAsync(new() { ["RELGEN_PG_BIN"] = pinned, ["PATH"] = onPath });
        var withPathOnly = await LocateAsync(new() { ["PATH"] = onPath });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(withBoth.InitDb, Is.EqualTo(Path.Combine(pinned, "initdb")));
            Assert.That(withPathOnly.PgCtl, Is.EqualTo(Path.Combine(onPath, "pg_ctl")));
        }
    }

    [Test]
    public async Task LocateAsync_TakesTheHighestCompleteInstalledVersion()
    {
        FakeBin("lib/postgresql/9.6/bin");
        FakeBin("lib/postgresql/13/bin");
        FakeBin("lib/postgresql/15/bin", "initdb");   // incomplete: no pg_ctl
        Directory.CreateDirectory(Path.Combine(root, "lib/postgresql/common"));

        var found = await LocateAsync([], [Path.Combine(root, "lib/postgresql/*/bin")]);

        Assert.That(found.InitDb, Is.EqualTo(Path.Combine(root, "lib/postgresql/13/bin/initdb")));
    }

    Task<PostgresBinaries> LocateAsync(Dictionary<string, string> environment, IReadOnlyList<string>? installPatterns = null) =>
        PostgresBinaries.LocateAsync(
            new EphemeralPostgresOptions
            {
                GetEnvironmentVariable = name => environment.GetValueOrDefault(name),
                InstallPatterns = installPatterns ?? [],
            },
            CancellationToken.None);

    string FakeBin(string relativePath, params string[] programs)
    {
        string directory = Path.Combine(root, relativePath);
        Directory.CreateDirectory(directory);
        foreach (string program in programs.Length > 0 ? programs : ["initdb", "pg_ctl"])
            File.WriteAllText(Path.Combine(directory, program), "");
        return directory;
    }
}
