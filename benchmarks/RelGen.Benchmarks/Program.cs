using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Running;
using RelGen.Benchmarks;
using RelGen.Testing;

// Every variant runs in this process against one server, so all scenarios share the same tables.
var arguments = args.ToList();
if (!arguments.Contains("--inProcess", StringComparer.OrdinalIgnoreCase))
    arguments.Add("--inProcess");

var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddExporter(CsvExporter.Default)
    .WithOptions(ConfigOptions.JoinSummary);

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
