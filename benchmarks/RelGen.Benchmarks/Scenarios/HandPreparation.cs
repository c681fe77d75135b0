using BenchmarkDotNet.Attributes;
using Npgsql;
using RelGen.Benchmarks.Data;
using RelGen.Benchmarks.Models;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>
/// How the hand-written baseline should prepare its statements, measured on SingleById's query: not at all, explicitly
/// (<c>PrepareAsync</c> on a pooled connection: a no-op once that physical connection has the statement), or automatically
/// (a data source with <c>Max Auto Prepare</c>). The fastest is what every <c>Hand</c> variant uses.
/// </summary>
public class HandPreparation : ScenarioBase
{
    private const string Sql = $"SELECT {ArticleColumns} FROM article a WHERE a.id = $1";
    private NpgsqlDataSource _autoPrepared = null!;
    private readonly int _id = 5_000;

    [GlobalSetup(Target = nameof(AutoPrepared))]
    public void SetupAutoPrepared()
    {
        Setup();
        var builder = new NpgsqlConnectionStringBuilder(BenchDatabase.ConnectionString) { MaxAutoPrepare = 20, AutoPrepareMinUsages = 2 };
        _autoPrepared = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    [GlobalCleanup(Target = nameof(AutoPrepared))]
    public void CleanupAutoPrepared()
    {
        _autoPrepared.Dispose();
        Cleanup();
    }

    private static async Task<Article?> ReadOneAsync(NpgsqlDataSource dataSource, int id, bool prepare)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = id });
        if (prepare)
            await command.PrepareAsync();
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? ReadArticle(reader) : null;
    }

    [Benchmark(Baseline = true)]
    public Task<Article?> Unprepared() => ReadOneAsync(DataSource, _id, prepare: false);

    [Benchmark]
    public Task<Article?> Prepared() => ReadOneAsync(DataSource, _id, prepare: true);

    [Benchmark]
    public Task<Article?> AutoPrepared() => ReadOneAsync(_autoPrepared, _id, prepare: false);
}
