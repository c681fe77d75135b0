using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;
using RelGen.Benchmarks;
using RelGen.Testing;

// Every variant runs in this process against one server, so all scenarios share the same tables.
var arguments = args.ToList();
if (!arguments.Contains("--inProcess", StringComparer.OrdinalIgnoreCase))
    arguments.Add("--inProcess");

// The default config already exports CSV (and markdown) into BenchmarkDotNet.Artifacts/results.
var config = ManualConfig.Create(DefaultConfig.Instance).AddDiagnoser(MemoryDiagnoser.Default);

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
