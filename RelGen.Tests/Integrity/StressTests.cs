using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace RelGen.Tests.Integrity;

/// <summary>
/// The load and fault suite's quick size (RelGen.Stress, run as a child process so its models stay out of this process):
/// concurrent writers over two three-level trees with every on-delete rule, deliberate delete races, backend kills, a fast
/// and an immediate server restart, random cancellation, then the ledger checked against the final state and a leak check.
/// The full size: <c>dotnet run -c Release --project RelGen.Stress -- --size full</c>.
/// </summary>
[Category("Stress")]
public sealed partial class StressTests
{
    [Test]
    public async Task TheQuickSizeEndsCleanUnderKillsAndRestarts()
    {
        var assembly = typeof(StressTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RelGenStressAssembly").Value!;
        Assert.That(File.Exists(assembly), Is.True, $"{assembly} is built with the tests (ProjectReference)");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { assembly, "--size", "quick" })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output;
        TestContext.Out.WriteLine(text);
        TestContext.Out.WriteLine(await errors);

        if (process.ExitCode == 3 && Environment.GetEnvironmentVariable(RelGen.Testing.EphemeralPostgres.ConnectionEnvironmentVariable) is { Length: > 0 })
            Assert.Ignore("No PostgreSQL binaries here (the run uses RELGEN_TEST_CONNECTION); the stress suite starts a primary with a standby, "
                + "which needs initdb, pg_ctl and pg_basebackup. Install PostgreSQL (apt-get install postgresql) to run it.");
        Assert.That(process.ExitCode, Is.Zero, "the run ended clean");
        Assert.That(text, Does.Contain("lost 0, partial 0, miscounted 0, ghosts 0, untyped 0, leaks 0"));
        var faults = Faults().Match(text);
        Assert.That(faults.Success, Is.True);
        Assert.That(int.Parse(faults.Groups[1].Value), Is.GreaterThanOrEqualTo(15), "backend kills");
        Assert.That(int.Parse(faults.Groups[2].Value), Is.GreaterThanOrEqualTo(2), "restarts");
        Assert.That(Checked().Match(text).Groups[1].Value, Is.Not.EqualTo("0"), "deletes were checked");
    }

    [GeneratedRegex(@"backend kills (\d+), restarts (\d+)")]
    private static partial Regex Faults();

    [GeneratedRegex(@"Totals[\s\S]*deletes checked (\d+)")]
    private static partial Regex Checked();
}
