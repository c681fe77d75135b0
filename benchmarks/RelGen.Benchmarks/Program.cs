using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;
using RelGen.Benchmarks.Data;
using RelGen.Benchmarks.Infrastructure;
using RelGen.Testing;

// `build-cost`: issue 12's build-time comparison (no database, no BenchmarkDotNet).
if (args.Length > 0 && args[0] == "build-cost")
    return await RelGen.Benchmarks.BuildCost.BuildCostRunner.RunAsync(args[1..]);

// Every variant runs in this process against one server, so all scenarios share the same tables.
var arguments = args.ToList();
if (!arguments.Contains("--inProcess", StringComparer.OrdinalIgnoreCase))
    arguments.Add("--inProcess");

// The default config already exports CSV (and markdown) into BenchmarkDotNet.Artifacts/results. The peak-memory column
// shows how much the process grew while a case ran; MaxRowsFilter drops the rivals' cases above their size limit.
var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddFilter(new MaxRowsFilter());
if (PeakMemoryDiagnoser.IsSupported)
    config.AddDiagnoser(PeakMemoryDiagnoser.Default);

EphemeralPostgres? server = null;
if (BenchDatabase.ConnectionString.Length == 0)
{
    server = await EphemeralPostgres.StartAsync();
    BenchDatabase.ConnectionString = await server.CreateDatabaseAsync();
}
try
{
    Console.WriteLine("Seeding 100 reporters and 10,000 articles...");
    await BenchDatabase.SeedAsync(BenchDatabase.ConnectionString);
    BenchmarkSwitcher.FromAssembly(typeof(BenchDatabase).Assembly).Run([.. arguments], config);
}
finally
{
    if (server is not null)
        await server.DisposeAsync();
}
return 0;
