using RelGen.Testing;

namespace RelGen.Tests.Testing;

/// <summary>Finding pgbouncer, and saying how to get it when it is missing: no pgbouncer needed.</summary>
public sealed class PgBouncerLocationTests
{
    const string AnyServer = "Host=127.0.0.1;Port=5432;Username=postgres";

    [Test]
    public void StartAsync_WithoutPgBouncer_FailsAtOnceSayingHowToInstallIt()
    {
        string tempRoot = Directory.CreateTempSubdirectory("relgen-test-").FullName;
        try
        {
            var nowhere = new EphemeralPgBouncerOptions { GetEnvironmentVariable = _ => null, InstallFolders = [], TempRoot = tempRoot };

            Assert.That(
                async () => await EphemeralPgBouncer.StartAsync(AnyServer, nowhere),
                Throws.TypeOf<PgBouncerNotFoundException>()
                    .And.InstanceOf<InvalidOperationException>()
                    .And.Message.Contains("apt-get install pgbouncer")
                    .And.Message.Contains("brew install pgbouncer")
                    .And.Message.Contains("RELGEN_PGBOUNCER"));
            Assert.That(Directory.EnumerateFileSystemEntries(tempRoot), Is.Empty, "nothing was created");
        }
        finally
        {
            Directory.Delete(tempRoot, recursive: true);
        }
    }

    [Test]
    public void StartAsync_WithRelgenPgBouncerNamingNoFile_NamesThatPath()
    {
        string missing = Path.Combine(Path.GetTempPath(), "relgen-no-such-pgbouncer");
        var options = new EphemeralPgBouncerOptions { GetEnvironmentVariable = name => name == "RELGEN_PGBOUNCER" ? missing : null };

        Assert.That(
            async () => await EphemeralPgBouncer.StartAsync(AnyServer, options),
            Throws.TypeOf<PgBouncerNotFoundException>().With.Message.Contains(missing));
    }

    [Test]
    public void Locate_LooksOnPath_ThenInTheInstallFolders()
    {
        string root = Directory.CreateTempSubdirectory("relgen-test-").FullName;
        try
        {
            string onPath = Directory.CreateDirectory(Path.Combine(root, "on-path")).FullName;
            string installed = Directory.CreateDirectory(Path.Combine(root, "sbin")).FullName;
            File.WriteAllText(Path.Combine(onPath, "pgbouncer"), "");
            File.WriteAllText(Path.Combine(installed, "pgbouncer"), "");

            string fromPath = PgBouncerProcess.Locate(new EphemeralPgBouncerOptions
            {
                GetEnvironmentVariable = name => name == "PATH" ? onPath : null,
                InstallFolders = [installed],
            });
            string fromFolders = PgBouncerProcess.Locate(new EphemeralPgBouncerOptions
            {
                GetEnvironmentVariable = _ => null,
                InstallFolders = [installed],
            });

            using (Assert.EnterMultipleScope())
            {
                Assert.That(fromPath, Is.EqualTo(Path.Combine(onPath, "pgbouncer")));
                Assert.That(fromFolders, Is.EqualTo(Path.Combine(installed, "pgbouncer")));
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void StartAsync_InFrontOfSeveralHosts_IsRefused() =>
        Assert.That(
            async () => await EphemeralPgBouncer.StartAsync("Host=127.0.0.1:5432,127.0.0.1:5433;Username=postgres"),
            Throws.ArgumentException.With.Message.Contains("one server"));
}
