using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BenchmarkDotNet.Running;
using RelGen.Benchmarks.Data;
using RelGen.Benchmarks.Infrastructure;
using RelGen.Testing;

// `build-cost`: issue 12's build-time comparison (no database, no BenchmarkDotNet).
if (args.Length > 0 && args[0] == "build-cost")
    return await RelGen.Benchmarks.BuildCost.BuildCostRunner.RunAsync(args[1..]);

// `report`: the table of the last run's CSV reports, as benchmarks/README.md shows it.
if (args.Length > 0 && args[0] == "report")
    return RelGen.Benchmarks.Reporting.ResultsReport.Run(args[1..]);

// Every variant runs in this process against one server, so all scenarios share the same tables. The in-process toolchain
// stops a case after 5 minutes by default; the largest cases (a million rows, or Dapper's 100,000 single-row inserts on a
// busy machine) may need longer, so every job gets it with an hour's limit.
var arguments = args.ToList();
var inProcess = Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true)).AsMutator();

// The default config already exports CSV (and markdown) into BenchmarkDotNet.Artifacts/results. The peak-memory column
// shows how much the process grew while a case ran; MaxRowsFilter drops the rivals' cases above their size limit.
var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddJob(inProcess)
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
