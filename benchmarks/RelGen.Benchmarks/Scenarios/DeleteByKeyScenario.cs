using BenchmarkDotNet.Attributes;
using Dapper;
using LinqToDB.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RelGen.Benchmarks.Linq2Db;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>
/// Deleting one reporter with <c>Rows</c> articles by key. Hand relies on the foreign key's <c>ON DELETE CASCADE</c> (as do
/// Dapper, Dapper.AOT, EF Core's <c>ExecuteDeleteAsync</c> and linq2db); so does RelGen, between two reads of the tables'
/// deletion counters, and it returns the count per model.
/// </summary>
public abstract class DeleteByKeyScenario : DeleteScenario
{
    private const string DapperSql = "DELETE FROM reporter WHERE id = @id";

    protected override int Parents => 1;

    protected override int ChildrenPerParent => Rows;

    protected override Task CheckVariantsAsync() => CheckDeletesAsync(
        (nameof(Hand), Hand, 1), (nameof(RelGen), RelGen, 1 + Rows), (nameof(Dapper), Dapper, 1), (nameof(DapperAot), DapperAot, 1),
        (nameof(EfCore), EfCore, 1), (nameof(Linq2Db), Linq2Db, 1));

    private int NextVictimId() => NextVictims().Reporters[0].Id;

    [Benchmark(Baseline = true)]
    public async Task<int> Hand()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("DELETE FROM reporter WHERE id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = NextVictimId() });
        await command.PrepareAsync();
        return await command.ExecuteNonQueryAsync();
    }

    [Benchmark]
    public async Task<int> RelGen() => (await Db.DeleteAsync(NextVictims().Reporters[0])).Total;

    [Benchmark, DapperAot(false)]
    public async Task<int> Dapper()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteAsync(DapperSql, new { id = NextVictimId() });
    }

    [Benchmark, DapperAot]
    public async Task<int> DapperAot()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteAsync(DapperSql, new { id = NextVictimId() });
    }

    [Benchmark]
    public async Task<int> EfCore()
    {
        var id = NextVictimId();
        await using var context = Ef.CreateDbContext();
        return await context.Reporters.Where(r => r.Id == id).ExecuteDeleteAsync();
    }

    [Benchmark]
    public async Task<int> Linq2Db()
    {
        await using var db = new DataConnection(L2);
        return await L2Queries.DeleteReporterById(db, NextVictimId());
    }
}
