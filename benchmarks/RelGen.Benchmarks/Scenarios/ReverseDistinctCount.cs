using BenchmarkDotNet.Attributes;
using Dapper;
using LinqToDB.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RelGen.Benchmarks.Data;
using RelGen.Benchmarks.EfCore;
using RelGen.Benchmarks.Infrastructure;
using RelGen.Benchmarks.Linq2Db;
using RelGen.Benchmarks.Models;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>
/// How many reporters have an article whose headline starts with "T" (<c>Rows</c> such articles, among twice as many): a reverse
/// relation, distinct, counted. Hand, Dapper and Dapper.AOT send the semi-join (<c>EXISTS</c>), the faster of the two forms
/// measured here; RelGen sends the same for <c>Distinct().CountAsync()</c> (its condition rejects NULLs, so the join's NULL row
/// cannot count). <c>HandJoin</c> is <c>COUNT(DISTINCT …)</c> over the join, the form RelGen keeps where a condition could match a
/// reporter without articles. <c>HandArticleKeys</c> counts the distinct keys of the matching articles without reading the
/// reporters: the same number only because every article's key points at a reporter (the foreign key), so it answers this
/// question but not one with a condition on the reporter too. <c>RelGenAny</c> asks the question with <c>Any(…)</c>.
/// </summary>
public class ReverseDistinctCount : SizedScenario
{
    private const string Sql = "SELECT COUNT(*)::int FROM reporter r WHERE EXISTS (SELECT 1 FROM article a WHERE a.reporter_id = r.id AND a.headline LIKE $1)";
    private const string JoinSql = "SELECT COUNT(DISTINCT r.id)::int FROM reporter r INNER JOIN article a ON a.reporter_id = r.id WHERE a.headline LIKE $1";
    private const string ArticleKeysSql = "SELECT COUNT(DISTINCT a.reporter_id)::int FROM article a WHERE a.headline LIKE $1";
    private const string DapperSql = "SELECT COUNT(*)::int FROM reporter r WHERE EXISTS (SELECT 1 FROM article a WHERE a.reporter_id = r.id AND a.headline LIKE @prefix)";
    private static readonly Func<BenchContext, string, Task<int>> EfQuery =
        EF.CompileAsyncQuery((BenchContext c, string prefix) => c.Reporters.Count(r => r.Articles.Any(a => a.Headline.StartsWith(prefix))));

    private readonly string _prefix = SizedData.TargetPrefix;

    [Params(1_000, 100_000, 1_000_000)]
    public override int Rows { get; set; }

    protected override async Task CheckVariantsAsync()
    {
        var scenario = $"{nameof(ReverseDistinctCount)}({Rows})";
        var expected = await Hand();
        Same.Value(scenario, nameof(Hand), SizedData.TargetReporters(Rows), expected);
        Same.Value(scenario, nameof(HandJoin), expected, await HandJoin());
        Same.Value(scenario, nameof(HandArticleKeys), expected, await HandArticleKeys());
        Same.Value(scenario, nameof(RelGen), expected, await RelGen());
        Same.Value(scenario, nameof(RelGenAny), expected, await RelGenAny());
        Same.Value(scenario, nameof(Dapper), expected, await Dapper());
        Same.Value(scenario, nameof(DapperAot), expected, await DapperAot());
        Same.Value(scenario, nameof(EfCore), expected, await EfCore());
        Same.Value(scenario, nameof(Linq2Db), expected, await Linq2Db());
    }

    private async Task<int> CountAsync(string sql)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _prefix + "%" });
        await command.PrepareAsync();
        return (int)(await command.ExecuteScalarAsync())!;
    }

    [Benchmark(Baseline = true)]
    public Task<int> Hand() => CountAsync(Sql);

    [Benchmark]
    public Task<int> HandJoin() => CountAsync(JoinSql);

    [Benchmark]
    public Task<int> HandArticleKeys() => CountAsync(ArticleKeysSql);

    [Benchmark]
    public Task<int> RelGen() => Reporter.Objects(Db).Filter(r => r.Article.Headline.StartsWith(_prefix)).Distinct().CountAsync();

    [Benchmark]
    public Task<int> RelGenAny() => Reporter.Objects(Db).Filter(r => r.Article.Any(a => a.Headline.StartsWith(_prefix))).CountAsync();

    [Benchmark, DapperAot(false)]
    public async Task<int> Dapper()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(DapperSql, new { prefix = _prefix + "%" });
    }

    [Benchmark, DapperAot]
    public async Task<int> DapperAot()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(DapperSql, new { prefix = _prefix + "%" });
    }

    [Benchmark]
    public async Task<int> EfCore()
    {
        await using var context = Ef.CreateDbContext();
        return await EfQuery(context, _prefix);
    }

    [Benchmark]
    public async Task<int> Linq2Db()
    {
        await using var db = new DataConnection(L2);
        return await L2Queries.ReverseDistinctCount(db, _prefix);
    }
}
