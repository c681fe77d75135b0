using System.Diagnostics;
using System.Globalization;
using RelGen.Testing;
using RelGen.Tests.Replicas.Models;
using RelGen.Tests.Support;
using static RelGen.Tests.Replicas.ReplicaSets;

namespace RelGen.Tests.Replicas;

/// <summary>
/// The figures behind the default of <see cref="RelGenDatabase.ReadYourWrites"/> (README, "Scaling out"): per mode, a flow
/// saves one row and reads it back at once and again 20 ms later, through <see cref="ShelfProbe"/>'s view, which says which
/// server answered. Printed: stale reads, reads the standby served, mean write and read latency, extra commands. Not a test of
/// behaviour beyond "ReplayedLsn is never stale"; run by name:
/// <c>dotnet test --filter FullyQualifiedName~ReadYourWritesMeasurements --logger "console;verbosity=detailed"</c>
/// </summary>
[Explicit("Measures read-your-writes on this machine; run it by name.")]
[Category("ReplicaMeasurements")]
[NonParallelizable]
public sealed class ReadYourWritesMeasurements
{
    const int Probes = 300;

    [Test]
    public async Task EachModeOnALoopbackPrimaryAndStandby()
    {
        await using var set = await ReplicaSets.StartAsync();
        var names = await set.CreateDatabaseAsync();
        await using (var setup = RelGenDatabase.Create(names.PrimaryConnectionString))
            await setup.CreateTablesAsync();
        await ExecuteAsync(names.PrimaryConnectionString, ShelfProbe.ViewSql);

        var rows = new List<string> { "| Mode | Stale (at once) | Standby served (at once) | Stale (20 ms later) | Standby served (20 ms later) | Write ms | Read ms | Extra commands per probe |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |" };
        foreach (var (label, readFrom, mode, window) in new (string, ReadFrom, ReadYourWrites, TimeSpan)[]
        {
            ("primary only", ReadFrom.Primary, ReadYourWrites.Off, TimeSpan.Zero),
            ("replica, Off", ReadFrom.Replica, ReadYourWrites.Off, TimeSpan.Zero),
            ("replica, Window 2 s", ReadFrom.Replica, ReadYourWrites.Window, TimeSpan.FromSeconds(2)),
            ("replica, Window 10 ms", ReadFrom.Replica, ReadYourWrites.Window, TimeSpan.FromMilliseconds(10)),
            ("replica, ReplayedLsn", ReadFrom.Replica, ReadYourWrites.ReplayedLsn, TimeSpan.FromSeconds(2)),
        })
        {
            var figures = await MeasureAsync(names, readFrom, mode, window);
            rows.Add($"| {label} | {figures}");
            if (mode == ReadYourWrites.ReplayedLsn)
                Assert.That(figures.StaleAtOnce + figures.StaleLater, Is.Zero);
        }
        TestContext.Progress.WriteLine(string.Join(Environment.NewLine, rows));
    }

    static async Task<Figures> MeasureAsync(ReplicaSetDatabase names, ReadFrom readFrom, ReadYourWrites mode, TimeSpan window)
    {
        var capture = new SqlCapture();
        await using var db = RelGenDatabase.Create(names.MultiHostConnectionString, capture);
        db.ReadFrom = readFrom;
        db.ReadYourWrites = mode;
        db.ReadYourWritesWindow = window;
        var author = new ShelfAuthor { Name = "m0" };
        await db.SaveAsync(author);
        for (var i = 0; i < 20; i++)
            await ShelfProbe.Objects(db).AllowStale().GetAsync(p => p.Id == author.Id);  // warm both pools
        await Task.Delay(100);
        capture.Clear();
        var figures = new Figures();
        var write = new Stopwatch();
        var read = new Stopwatch();
        for (var i = 1; i <= Probes; i++)
        {
            author.Name = $"m{i}";
            write.Start();
            await db.SaveAsync(author);
            write.Stop();
            read.Start();
            var atOnce = await ShelfProbe.Objects(db).GetAsync(p => p.Id == author.Id);
            read.Stop();
            await Task.Delay(20);
            var later = await ShelfProbe.Objects(db).GetAsync(p => p.Id == author.Id);
            figures.StaleAtOnce += atOnce.Name != author.Name ? 1 : 0;
            figures.StandbyAtOnce += atOnce.OnStandby ? 1 : 0;
            figures.StaleLater += later.Name != author.Name ? 1 : 0;
            figures.StandbyLater += later.OnStandby ? 1 : 0;
        }
        figures.WriteMs = write.Elapsed.TotalMilliseconds / Probes;
        figures.ReadMs = read.Elapsed.TotalMilliseconds / Probes;
        // Each probe is one save and two reads: what RelGen sent beyond those three.
        figures.ExtraCommands = (capture.Count - 3.0 * Probes) / Probes;
        return figures;
    }

    sealed class Figures
    {
        public int StaleAtOnce, StandbyAtOnce, StaleLater, StandbyLater;
        public double WriteMs, ReadMs, ExtraCommands;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{StaleAtOnce}/{Probes} | {StandbyAtOnce}/{Probes} | {StaleLater}/{Probes} | {StandbyLater}/{Probes} | {WriteMs:0.00} | {ReadMs:0.00} | {ExtraCommands:0.00} |");
    }
}
