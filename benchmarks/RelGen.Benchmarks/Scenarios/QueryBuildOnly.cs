using BenchmarkDotNet.Attributes;
using Npgsql;
using RelGen.Benchmarks.Data;
using RelGen.Benchmarks.Models;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>No I/O: the cost of RelGen's own layer, building the ListByJoin query and getting its SQL and parameters.</summary>
public class QueryBuildOnly : ScenarioBase
{
    private readonly string _name = BenchDatabase.TargetName;

    [Benchmark(Baseline = true)]
    public int Hand()
    {
        var command = new NpgsqlCommand(ListByJoin.Sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _name });
        return command.CommandText.Length + command.Parameters.Count;
    }

    [Benchmark]
    public int RelGen()
    {
        var query = Article.Objects(Db).Filter(a => a.Reporter.FirstName == _name);
        return query.ToSql().Length + query.ToParameters().Count;
    }
}
