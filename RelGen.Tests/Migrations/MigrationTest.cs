using Npgsql;
using RelGen.Metadata;
using RelGen.Migrations;
using RelGen.Schema.Files;
using RelGen.Schema.Snapshots;

namespace RelGen.Tests.Migrations;

/// <summary>
/// Base of the migration integration fixtures: each test works in schemas of its own in the fixture's database
/// (a connection string whose search path names the schema, unpooled so nothing lingers), and reads the
/// result from PostgreSQL's catalog.
/// </summary>
public abstract class MigrationTest : DatabaseTest
{
    /// <summary>Creates schema <paramref name="name"/> and returns a connection string that works in it.</summary>
    protected async Task<string> NewSchemaAsync(string name)
    {
        await ExecuteAsync(ConnectionString, $"DROP SCHEMA IF EXISTS \"{name}\" CASCADE; CREATE SCHEMA \"{name}\"");
        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = name, Pooling = false }.ConnectionString;
    }

    /// <summary>The catalog of the connection's current schema, without the migration history table.</summary>
    private protected static async Task<CatalogDump> CatalogAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var schema = (string)(await new NpgsqlCommand("SELECT current_schema()", connection).ExecuteScalarAsync())!;
        var dump = await SchemaCatalog.ReadAsync(connection, null, schema, _ => { }, CancellationToken.None);
        return dump.Restrict(dump.Tables.Where(t => t != MigrationHistory.TableName).ToHashSet());
    }

    /// <summary>The catalog a snapshot has when created from nothing, in a schema of its own.</summary>
    private protected async Task<CatalogDump> ExpectedCatalogAsync(string schema, SchemaSnapshot snapshot)
    {
        var connectionString = await NewSchemaAsync(schema);
        var sql = MigrationScript.Between(SchemaSnapshot.Empty, snapshot).UpSql;
        if (sql.Length > 0)
            await ExecuteAsync(connectionString, sql);
        return await CatalogAsync(connectionString);
    }

    protected static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    protected static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The history table's rows, in name order: name and checksum.</summary>
    protected static async Task<List<(string Name, string Checksum)>> HistoryAsync(string connectionString)
    {
        var rows = new List<(string, string)>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT name, checksum FROM relgen_migrations ORDER BY name", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }

    protected static async Task<bool> TableExistsAsync(string connectionString, string table)
        => await ScalarAsync<bool>(connectionString,
            $"SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relname = '{table}')");

    /// <summary>The newsroom steps as migrations, built by the differ exactly as the tool writes them.</summary>
    protected static IReadOnlyList<MigrationDescriptor> NewsroomMigrations() => NewsroomSnapshots.Steps.Select(step =>
    {
        var script = MigrationScript.Between(step.From, step.To, step.Renames);
        var file = MigrationFile.Parse(step.Name, MigrationFile.Write(step.Name, "test", script));
        return new MigrationDescriptor(file.Name, file.UpSql, file.DownSql);
    }).ToList();
}
