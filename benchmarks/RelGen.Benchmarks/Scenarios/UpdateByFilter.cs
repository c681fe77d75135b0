using BenchmarkDotNet.Attributes;
using Dapper;
using LinqToDB.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RelGen.Benchmarks.Data;
using RelGen.Benchmarks.Infrastructure;
using RelGen.Benchmarks.Linq2Db;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>
/// A set-based UPDATE with an expression: <c>views = views + 1</c> for the 1,000 scratch articles whose reporter is named
/// "Target", one statement.
/// Dead row versions are vacuumed away after each iteration.
/// </summary>
[InvocationCount(32, 1), IterationCount(10)]
public class UpdateByFilter : ScenarioBase
{
    private const string Sql = "UPDATE article a SET views = a.views + 1 FROM reporter r WHERE r.id = a.reporter_id AND r.first_name = $1";
    private const string DapperSql = "UPDATE article a SET views = a.views + 1 FROM reporter r WHERE r.id = a.reporter_id AND r.first_name = @name";

    private readonly string _name = ScratchData.TargetName;

    protected override string Schema => ScratchData.Schema;

    protected override void PrepareData()
    {
        ScratchData.Ensure(BenchDatabase.ConnectionString);
        using var connection = DataSource.OpenConnection();
        ScratchData.EnsureBackgroundOnly(connection, nameof(UpdateByFilter));
    }

    [IterationCleanup]
    public void Vacuum() => VacuumTables("article");

    protected override void CleanupScenario()
    {
        Execute("UPDATE article SET views = 0 WHERE views <> 0");
        VacuumTables("article");
    }

    protected override async Task CheckVariantsAsync()
    {
        var variants = new (string Name, Func<Task<int>> Update)[]
        {
            (nameof(Hand), Hand), (nameof(Dapper), Dapper), (nameof(DapperAot), DapperAot), (nameof(EfCore), EfCore), (nameof(Linq2Db), Linq2Db),
            (nameof(RelGen), RelGen),
        };
        const int expected = ScratchData.TargetReporters * 10;
        foreach (var (name, update) in variants)
        {
            CleanupScenario();
            Same.Value(nameof(UpdateByFilter), name + "'s count", expected, await update());
            await using var connection = await DataSource.OpenConnectionAsync();
            var (targets, others) = await connection.QuerySingleAsync<(long, long)>(
                "SELECT COALESCE(SUM(a.views) FILTER (WHERE r.first_name = @name), 0), COALESCE(SUM(a.views) FILTER (WHERE r.first_name <> @name), 0) "
                + "FROM article a JOIN reporter r ON r.id = a.reporter_id", new { name = _name });
            Same.Value(nameof(UpdateByFilter), name + "'s views", ((long)expected, 0L), (targets, others));
        }
        CleanupScenario();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> Hand()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _name });
        await command.PrepareAsync();
        return await command.ExecuteNonQueryAsync();
    }

    [Benchmark]
    public Task<int> RelGen() => Models.Article.Objects(Db).Filter(a => a.Reporter.FirstName == _name).UpdateAsync(a => a.Views.Set(a.Views + 1));

    [Benchmark, DapperAot(false)]
    public async Task<int> Dapper()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteAsync(DapperSql, new { name = _name });
    }

    [Benchmark, DapperAot]
    public async Task<int> DapperAot()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteAsync(DapperSql, new { name = _name });
    }

    [Benchmark]
    public async Task<int> EfCore()
    {
        await using var context = Ef.CreateDbContext();
        return await context.Articles.Where(a => a.Reporter.FirstName == _name).ExecuteUpdateAsync(s => s.SetProperty(a => a.Views, a => a.Views + 1));
    }

    [Benchmark]
    public async Task<int> Linq2Db()
    {
        await using var db = new DataConnection(L2);
        return await L2Queries.AddViewByReporterName(db, _name);
    }
}
