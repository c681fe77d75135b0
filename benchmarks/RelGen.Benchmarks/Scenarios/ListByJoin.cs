using BenchmarkDotNet.Attributes;
using Dapper;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RelGen.Benchmarks.EfCore;
using RelGen.Benchmarks.Models;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>The 1,000 articles whose reporter's first name matches, through the join.</summary>
public class ListByJoin : ScenarioBase
{
    internal const string Sql = $"SELECT {ArticleColumns} FROM article a INNER JOIN reporter r ON r.id = a.reporter_id WHERE r.first_name = $1 ORDER BY a.headline";
    private static readonly Func<BenchContext, string, IAsyncEnumerable<EfArticle>> EfQuery =
        EF.CompileAsyncQuery<BenchContext, string, EfArticle>((c, name) => c.Articles.AsNoTracking().Where(a => a.Reporter.FirstName == name).OrderBy(a => a.Headline));

    private readonly string _name = BenchDatabase.TargetName;

    [Benchmark(Baseline = true)]
    public async Task<List<Article>> Hand()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _name });
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<Article>();
        while (await reader.ReadAsync())
            list.Add(ReadArticle(reader));
        return list;
    }

    [Benchmark]
    public Task<List<Article>> RelGen() => Article.Objects(Db).Filter(a => a.Reporter.FirstName == _name).ToListAsync();

    [Benchmark]
    public async Task<List<Article>> Dapper()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<Article>(
            "SELECT a.id, a.headline, a.pub_date, a.reporter_id FROM article a INNER JOIN reporter r ON r.id = a.reporter_id WHERE r.first_name = @name ORDER BY a.headline",
            new { name = _name })).AsList();
    }

    [Benchmark]
    public async Task<List<EfArticle>> EfCore()
    {
        await using var context = Ef.CreateDbContext();
        var list = new List<EfArticle>();
        await foreach (var article in EfQuery(context, _name))
            list.Add(article);
        return list;
    }
}
