using Npgsql;
using RelGen.Testing;

namespace Evolution;

/// <summary>
/// Where the sample runs: a fresh database on a throwaway server (EphemeralPostgres), or, when RELGEN_CONNECTION is set, a
/// fresh schema on that server, dropped at the end. Also reads the catalog, to show what each migration changed.
/// </summary>
public sealed class SampleDatabase : IAsyncDisposable
{
    public const string ConnectionVariable = "RELGEN_CONNECTION";

    readonly EphemeralPostgres? server;
    readonly string? schema;

    SampleDatabase(string connectionString, string description, EphemeralPostgres? server, string? schema)
    {
        ConnectionString = connectionString;
        Description = description;
        this.server = server;
        this.schema = schema;
    }

    public string ConnectionString { get; }

    public string Description { get; }

    public static async Task<SampleDatabase> OpenAsync()
    {
        string? connectionString = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrEmpty(connectionString))
        {
            var server = await EphemeralPostgres.StartAsync();
            try
            {
                return new SampleDatabase(await server.CreateDatabaseAsync(), $"a throwaway server ({server})", server, null);
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }

        // Generated here, so safe to put in SQL text.
        string schema = $"evolution_{DateTime.UtcNow:yyyyMMddHHmmss}_{Random.Shared.Next(1000, 10000)}";
        await ExecuteAsync(connectionString, $"CREATE SCHEMA {schema}");
        var inSchema = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema };
        return new SampleDatabase(inSchema.ConnectionString, $"schema {schema} on {ConnectionVariable}'s server", null, schema);
    }

    public Task ExecuteAsync(string sql) => ExecuteAsync(ConnectionString, sql);

    /// <summary>The table's columns, in order.</summary>
    public Task<List<string>> ColumnsAsync(string table) => ListAsync(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position", table);

    /// <summary>The table's indexes, by name.</summary>
    public Task<List<string>> IndexesAsync(string table) => ListAsync(
        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1 ORDER BY indexname", table);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (server is not null)
            await server.DisposeAsync();
        if (schema is not null)
            await ExecuteAsync(ConnectionString, $"DROP SCHEMA {schema} CASCADE");
    }

    async Task<List<string>> ListAsync(string sql, string table)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = table });
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            names.Add(reader.GetString(0));
        return names;
    }

    static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
