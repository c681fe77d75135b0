using Npgsql;
using RelGen.Testing;

namespace RelGen.Stress.Harness;

/// <summary>
/// The server of a run: the primary of an <see cref="EphemeralReplicaSet"/> (which can be restarted on its port), a fresh
/// database per seed, and the administrator's view of the writers' sessions (by application name).
/// </summary>
internal sealed class StressServer(EphemeralReplicaSet servers) : IAsyncDisposable
{
    public const string ApplicationName = "relgen-stress";

    public static async Task<StressServer> StartAsync() => new(await EphemeralReplicaSet.StartAsync().ConfigureAwait(false));

    /// <summary>A fresh database; returns the writers' connection string (their application name, short timeouts) and the administrator's.</summary>
    public async Task<(string Writers, string Admin)> CreateDatabaseAsync()
    {
        var database = await servers.CreateDatabaseAsync().ConfigureAwait(false);
        var writers = new NpgsqlConnectionStringBuilder(database.PrimaryConnectionString)
        {
            ApplicationName = ApplicationName,
            Timeout = 5,
            CommandTimeout = 60,
            MaxPoolSize = 40,
        };
        return (writers.ConnectionString, database.PrimaryConnectionString);
    }

    /// <summary>Terminates one of the writers' sessions, chosen at random; false when there was none.</summary>
    public async Task<bool> KillRandomBackendAsync(string admin)
    {
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 ORDER BY random() LIMIT 1", connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ApplicationName });
            return await command.ExecuteScalarAsync().ConfigureAwait(false) is true;
        }
        catch (NpgsqlException)
        {
            // The server is restarting.
            return false;
        }
    }

    /// <summary>Restarts the server on its port: a fast shutdown (sessions ended, checkpoint) or an immediate one (a crash, recovered from WAL).</summary>
    public Task RestartAsync(bool immediate) => servers.Primary.RestartAsync(immediate ? ShutdownMode.Immediate : ShutdownMode.Fast);

    /// <summary>The writers' sessions by state (<c>idle</c>, <c>idle in transaction</c>, <c>active</c>).</summary>
    public static async Task<Dictionary<string, int>> SessionsAsync(string admin)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(state, '?'), count(*)::int FROM pg_stat_activity WHERE application_name = $1 GROUP BY 1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ApplicationName });
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var sessions = new Dictionary<string, int>();
        while (await reader.ReadAsync().ConfigureAwait(false))
            sessions[reader.GetString(0)] = reader.GetInt32(1);
        return sessions;
    }

    public ValueTask DisposeAsync() => servers.DisposeAsync();
}
