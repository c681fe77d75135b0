using LinqToDB;
using LinqToDB.DataProvider.PostgreSQL;
using Npgsql;

namespace RelGen.Benchmarks.Linq2Db;

/// <summary>linq2db's options: its PostgreSQL 15 provider over the scenario's own data source (so it shares the same pool).</summary>
public static class Linq2DbSetup
{
    public static DataOptions Options(NpgsqlDataSource dataSource)
        => new DataOptions()
            .UsePostgreSQL(PostgreSQLVersion.v15, o => o with { BulkCopyType = LinqToDB.Data.BulkCopyType.ProviderSpecific })
            .UseConnectionFactory(_ => dataSource.CreateConnection());
}
