using Dapper;
using Npgsql;

namespace RelGen.Benchmarks.Data;

/// <summary>Creates RelGen's tables (with their foreign keys and indexes) in a schema of their own, dropping an older copy.</summary>
public static class SchemaTables
{
    public static async Task CreateAsync(string connectionString, string schema)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.ExecuteAsync($"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}");
        }
        var inSchema = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ConnectionString;
        await using var db = RelGenDatabase.Create(inSchema);
        await db.CreateTablesAsync();
    }
}
