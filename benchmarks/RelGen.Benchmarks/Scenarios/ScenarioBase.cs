using BenchmarkDotNet.Attributes;
using Dapper;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RelGen.Benchmarks.EfCore;
using RelGen.Benchmarks.Models;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>What every scenario shares: one data source, a RelGen database, Dapper's mapping and a pooled EF Core context factory.</summary>
[MemoryDiagnoser]
public abstract class ScenarioBase
{
    protected NpgsqlDataSource DataSource { get; private set; } = null!;
    protected RelGenDatabase Db { get; private set; } = null!;
    protected PooledDbContextFactory<BenchContext> Ef { get; private set; } = null!;

    [GlobalSetup]
    public virtual void Setup()
    {
        DataSource = NpgsqlDataSource.Create(BenchDatabase.ConnectionString);
        Db = RelGenDatabase.Create(DataSource);
        Ef = new PooledDbContextFactory<BenchContext>(BenchContext.Options(DataSource));
        DapperSetup.Configure();
        EnsureSeededRowsOnly();
    }

    /// <summary>Every scenario must start from the seeded rows: a scenario that left rows behind would skew the ones after it.</summary>
    private void EnsureSeededRowsOnly()
    {
        using var connection = DataSource.OpenConnection();
        var (reporters, articles) = connection.QuerySingle<(long, long)>("SELECT (SELECT COUNT(*) FROM reporter), (SELECT COUNT(*) FROM article)");
        const int seededArticles = BenchDatabase.Reporters * BenchDatabase.ArticlesPerReporter;
        if (reporters != BenchDatabase.Reporters || articles != seededArticles)
            throw new InvalidOperationException($"{GetType().Name} found {reporters} reporters and {articles} articles, not the seeded "
                + $"{BenchDatabase.Reporters} and {seededArticles}: an earlier scenario left rows behind.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        CleanupScenario();
        Db.Dispose();
        DataSource.Dispose();
    }

    /// <summary>Removes what a scenario wrote, so the next scenario sees the seeded tables.</summary>
    protected virtual void CleanupScenario()
    {
    }

    protected const string ArticleColumns = "a.id, a.headline, a.pub_date, a.reporter_id";

    /// <summary>The hand-written reader: by ordinal, typed getters.</summary>
    protected static Article ReadArticle(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetInt32(0),
        Headline = reader.GetString(1),
        PubDate = reader.GetFieldValue<DateOnly>(2),
        ReporterId = reader.GetInt32(3),
    };

    /// <summary>Runs a statement outside the measured code (set-up and clean-up).</summary>
    protected void Execute(string sql, object? parameters = null)
    {
        using var connection = DataSource.OpenConnection();
        connection.Execute(sql, parameters, commandType: System.Data.CommandType.Text);
    }
}
