using BenchmarkDotNet.Attributes;
using Dapper;
using LinqToDB.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RelGen.Benchmarks.Linq2Db;
using RelGen.Benchmarks.Models;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>
/// Deleting the reporters a condition picks (<c>Rows</c>/10 reporters named alike, with <c>Rows</c> articles between them) as
/// one query set. Hand is <c>DELETE FROM reporter WHERE first_name = $1</c> and the foreign key's cascade; so are Dapper,
/// Dapper.AOT, EF Core's <c>ExecuteDeleteAsync</c> and linq2db. RelGen sends the same <c>DELETE</c> (the foreign key
/// cascading) between two reads of the tables' deletion counters, and returns the count per model.
/// </summary>
public abstract class DeleteByQueryScenario : DeleteScenario
{
    private const string DapperSql = "DELETE FROM reporter WHERE first_name = @name";

    protected override int Parents => Rows / ChildrenPerParent;

    protected override int ChildrenPerParent => 10;

    protected override Task CheckVariantsAsync() => CheckDeletesAsync(
        (nameof(Hand), Hand, Parents), (nameof(RelGen), RelGen, Parents + Rows), (nameof(Dapper), Dapper, Parents),
        (nameof(DapperAot), DapperAot, Parents), (nameof(EfCore), EfCore, Parents), (nameof(Linq2Db), Linq2Db, Parents));

    [Benchmark(Baseline = true)]
    public async Task<int> Hand()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("DELETE FROM reporter WHERE first_name = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = NextVictims().Name });
        await command.PrepareAsync();
        return await command.ExecuteNonQueryAsync();
    }

    [Benchmark]
    public async Task<int> RelGen()
    {
        var name = NextVictims().Name;
        return (await Reporter.Objects(Db).Filter(r => r.FirstName == name).DeleteAsync()).Total;
    }

    [Benchmark, DapperAot(false)]
    public async Task<int> Dapper()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteAsync(DapperSql, new { name = NextVictims().Name });
    }

    [Benchmark, DapperAot]
    public async Task<int> DapperAot()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteAsync(DapperSql, new { name = NextVictims().Name });
    }

    [Benchmark]
    public async Task<int> EfCore()
    {
        var name = NextVictims().Name;
        await using var context = Ef.CreateDbContext();
        return await context.Reporters.Where(r => r.FirstName == name).ExecuteDeleteAsync();
    }

    [Benchmark]
    public async Task<int> Linq2Db()
    {
        await using var db = new DataConnection(L2);
        return await L2Queries.DeleteReportersNamed(db, NextVictims().Name);
    }
}
