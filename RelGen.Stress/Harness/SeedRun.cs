using System.Diagnostics;
using RelGen.Stress.Checks;
using RelGen.Stress.Workload;

namespace RelGen.Stress.Harness;

/// <summary>One seed: a fresh database, the writers and the faults together, then the checks and the leak check.</summary>
internal static class SeedRun
{
    public static async Task<SeedReport> RunAsync(StressServer server, StressOptions options, int seed)
    {
        var (writers, admin) = await server.CreateDatabaseAsync().ConfigureAwait(false);
        var db = RelGenDatabase.Create(writers);
        await db.CreateTablesAsync().ConfigureAwait(false);
        await DeleteLog.InstallAsync(admin).ConfigureAwait(false);

        var ledger = new Ledger();
        var pools = new Pools();
        var total = options.Writers * options.OperationsPerWriter;
        var chaos = new Chaos(server, admin, total, options.KillsPerSeed, options.RestartsPerSeed);
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var faults = chaos.RunAsync(stop.Token);
        await Task.WhenAll(Enumerable.Range(0, options.Writers).Select(w =>
            Task.Run(() => new Writer(w, seed, db, ledger, pools, chaos.Completed).RunAsync(options.OperationsPerWriter)))).ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        await stop.CancelAsync().ConfigureAwait(false);
        await faults.ConfigureAwait(false);

        var findings = Verifier.Check(ledger, await DeleteLog.FinalRowsAsync(admin).ConfigureAwait(false), await DeleteLog.ReadAsync(admin).ConfigureAwait(false));
        await CheckLeaksAsync(db, admin, findings).ConfigureAwait(false);
        return new SeedReport(seed, options, ledger, findings, chaos.Kills, chaos.Restarts, elapsed);
    }

    /// <summary>
    /// No session of the writers is left in a transaction, and once the database handle (and its pool) is disposed none is
    /// left at all: every connection an operation took, including those of failed transactions, went back to the pool.
    /// </summary>
    private static async Task CheckLeaksAsync(RelGenDatabase db, string admin, Findings findings)
    {
        var sessions = await StressServer.SessionsAsync(admin).ConfigureAwait(false);
        foreach (var (state, count) in sessions)
        {
            if (state != "idle")
                findings.Leaks.Add($"{count} session(s) '{state}' after the writers finished");
        }
        await db.DisposeAsync().ConfigureAwait(false);
        for (var i = 0; i < 100; i++)
        {
            sessions = await StressServer.SessionsAsync(admin).ConfigureAwait(false);
            if (sessions.Count == 0)
                return;
            await Task.Delay(100).ConfigureAwait(false);
        }
        findings.Leaks.Add($"sessions left after the pool was disposed: {string.Join(", ", sessions.Select(s => $"{s.Value} {s.Key}"))}");
    }
}
