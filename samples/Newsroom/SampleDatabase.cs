using Npgsql;
#if !RELGEN_AOT
using RelGen.Testing;
#endif

namespace Newsroom;

/// <summary>
/// Where the walkthrough runs: a fresh database on a throwaway server (EphemeralPostgres), or, when
/// RELGEN_CONNECTION is set, a fresh schema on that server, dropped again at the end so reruns start clean.
/// </summary>
public sealed class SampleDatabase : IAsyncDisposable
{
    public const string ConnectionVariable = "RELGEN_CONNECTION";

#if !RELGEN_AOT
    readonly EphemeralPostgres? server;
#else
    readonly IAsyncDisposable? server;
#endif
    readonly string? schema;

#if !RELGEN_AOT
    SampleDatabase(string connectionString, string description, EphemeralPostgres? server, string? schema)
#else
    SampleDatabase(string connectionString, string description, IAsyncDisposable? server, string? schema)
#endif
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
#if RELGEN_AOT
            throw new InvalidOperationException($"The NativeAOT build starts no server of its own: set {ConnectionVariable} to a connection string.");
#else
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
#endif
        }

        // Generated here, so safe to put in SQL text.
        string schema = $"newsroom_{DateTime.UtcNow:yyyyMMddHHmmss}_{Random.Shared.Next(1000, 10000)}";
        await ExecuteAsync(connectionString, $"CREATE SCHEMA {schema}");
        var inSchema = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema };
        return new SampleDatabase(inSchema.ConnectionString, $"schema {schema} on {ConnectionVariable}'s server", null, schema);
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
            await server.DisposeAsync();
        if (schema is not null)
            await ExecuteAsync(ConnectionString, $"DROP SCHEMA {schema} CASCADE");
    }

    static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
