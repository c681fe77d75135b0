using RelGen.Stress;
using RelGen.Stress.Harness;

// dotnet run -c Release --project RelGen.Stress -- --size full
// Concurrent writers over two three-level trees with every on-delete rule, backend kills, server restarts and random
// cancellation; then the ledger of what writers were told is checked against the final state. Exit code 0: nothing lost,
// partial, miscounted, ghostly, untyped or leaked; 1: something was; 2: wrong arguments; 3: no PostgreSQL binaries (initdb,
// pg_ctl, pg_basebackup) to start the servers with.
StressOptions options;
try
{
    options = StressOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("Usage: RelGen.Stress [--size quick|full] [--writers N] [--ops N] [--seeds 1,2,3] [--kills N] [--restarts N]");
    return 2;
}

Console.WriteLine($"RelGen stress: {options}.");
Console.WriteLine("Starting a primary with a standby (restarts use the primary's port)...");
var reports = new List<SeedReport>();
StressServer started;
try
{
    started = await StressServer.StartAsync();
}
catch (RelGen.Testing.PostgresNotFoundException e)
{
    Console.Error.WriteLine(e.Message);
    return 3;
}
await using (var server = started)
{
    foreach (var seed in options.Seeds)
    {
        var report = await SeedRun.RunAsync(server, options, seed);
        reports.Add(report);
        Report.PrintSeed(report);
    }
}
Report.PrintTotals(reports);
return reports.All(r => r.Clean) ? 0 : 1;
