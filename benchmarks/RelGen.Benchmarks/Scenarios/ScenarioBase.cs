using BenchmarkDotNet.Attributes;
using Dapper;
using LinqToDB;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using RelGen.Benchmarks.Data;
using RelGen.Benchmarks.EfCore;
using RelGen.Benchmarks.Linq2Db;
using RelGen.Benchmarks.Models;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>
/// What every scenario shares: one data source on its schema, a RelGen database, Dapper's mapping, a pooled EF Core context
/// factory and linq2db's options over the same data source. Before the first case of a scenario (per size) runs, every
/// variant is run once and its result compared with Hand's, so that no variant wins by doing less.
/// </summary>
[MemoryDiagnoser]
public abstract class ScenarioBase
{
    private static readonly HashSet<string> CheckedScenarios = [];

    protected NpgsqlDataSource DataSource { get; private set; } = null!;
    protected RelGenDatabase Db { get; private set; } = null!;
    protected PooledDbContextFactory<BenchContext> Ef { get; private set; } = null!;
    protected DataOptions L2 { get; private set; } = null!;

    /// <summary>The schema the scenario's tables live in (the connection's search path); <c>public</c> holds the seeded rows.</summary>
    protected virtual string Schema => "public";

    /// <summary>What makes one check different from another: the scenario and its parameters.</summary>
    protected virtual string CheckKey => GetType().Name;

    [GlobalSetup]
    public void Setup()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(BenchDatabase.ConnectionString) { SearchPath = Schema }.ConnectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
        Db = RelGenDatabase.Create(DataSource);
        Ef = new PooledDbContextFactory<BenchContext>(BenchContext.Options(DataSource));
        L2 = Linq2DbSetup.Options(DataSource);
        DapperSetup.Configure();
        PrepareData();
        if (CheckedScenarios.Add(CheckKey))
            CheckVariantsAsync().GetAwaiter().GetResult();
    }

    /// <summary>Makes sure the scenario's rows are there; by default, that the seeded tables hold exactly the seeded rows.</summary>
    protected virtual void PrepareData() => EnsureSeededRowsOnly();

    /// <summary>Runs every variant once and throws when one returns or leaves something other than Hand does.</summary>
    protected virtual Task CheckVariantsAsync() => Task.CompletedTask;

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

    protected const string ArticleColumns = "a.id, a.headline, a.pub_date, a.views, a.reporter_id";

    /// <summary>The hand-written reader: by ordinal, typed getters.</summary>
    protected static Article ReadArticle(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetInt32(0),
        Headline = reader.GetString(1),
        PubDate = reader.GetFieldValue<DateOnly>(2),
        Views = reader.GetInt32(3),
        ReporterId = reader.GetInt32(4),
    };

    /// <summary>Runs a statement outside the measured code (set-up and clean-up).</summary>
    protected void Execute(string sql, object? parameters = null)
    {
        using var connection = DataSource.OpenConnection();
        connection.Execute(sql, parameters, commandTimeout: 0, commandType: System.Data.CommandType.Text);   // Dapper takes a one-word text (CHECKPOINT) for a procedure
    }

    /// <summary>Vacuums <paramref name="tables"/> outside the measured code until every page is all-visible (<see cref="Vacuum"/>).</summary>
    protected void VacuumTables(string tables, bool analyze = false)
    {
        using var connection = DataSource.OpenConnection();
        Vacuum.Run(connection, tables, analyze);
    }

    /// <summary>Runs a scalar query outside the measured code.</summary>
    protected T Scalar<T>(string sql, object? parameters = null)
    {
        using var connection = DataSource.OpenConnection();
        return connection.ExecuteScalar<T>(sql, parameters, commandTimeout: 0)!;
    }
}
