using Npgsql;
using RelGen.Testing;

namespace RelGen.Tests.Replicas;

/// <summary>
/// The replica tests' helpers: a replica set (ignored with a how-to where PostgreSQL's binaries are missing), and pausing the
/// standby's replay, which makes "which server answered" provable: a row changed on the primary while replay is paused has its
/// old value on the standby until replay resumes, however long the test takes.
/// </summary>
internal static class ReplicaSets
{
    public static async Task<EphemeralReplicaSet> StartAsync()
    {
        try
        {
            return await EphemeralReplicaSet.StartAsync();
        }
        catch (PostgresNotFoundException) when (Environment.GetEnvironmentVariable(EphemeralPostgres.ConnectionEnvironmentVariable) is { Length: > 0 })
        {
            Assert.Ignore("No PostgreSQL binaries here (the run uses RELGEN_TEST_CONNECTION); a replica set needs initdb, pg_ctl and pg_basebackup. "
                + "Install PostgreSQL (apt-get install postgresql) to run the Replica tests.");
            throw;
        }
    }

    /// <summary>Stops the standby from applying WAL it receives (it keeps receiving it): what the primary commits from now on is not there.</summary>
    public static Task PauseReplayAsync(ReplicaSetDatabase database) => ExecuteAsync(database.StandbyConnectionString, "SELECT pg_wal_replay_pause()");

    public static Task ResumeReplayAsync(ReplicaSetDatabase database) => ExecuteAsync(database.StandbyConnectionString, "SELECT pg_wal_replay_resume()");

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ExecuteAsync(string connectionString, string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync();
    }
}
