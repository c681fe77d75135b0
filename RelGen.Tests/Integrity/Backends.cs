using Npgsql;

namespace RelGen.Tests.Integrity;

/// <summary>What the concurrency and fault tests ask the server about its sessions, on connections of their own.</summary>
internal static class Backends
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>Waits until some session waits for a lock that <paramref name="blockerPid"/> holds.</summary>
    public static async Task WaitUntilBlockedByAsync(string connectionString, int blockerPid)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))", connection);
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = blockerPid });
            if ((long)(await command.ExecuteScalarAsync())! > 0)
                return;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"No session waited for a lock of backend {blockerPid} within {Patience.TotalSeconds} s.");
            await Task.Delay(20);
        }
    }

    /// <summary>Ends backend <paramref name="pid"/> as an administrator would (SQLSTATE 57P01 for its client).</summary>
    public static async Task TerminateAsync(string connectionString, int pid)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_terminate_backend($1, 5000)", connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pid });
        Assert.That(await command.ExecuteScalarAsync(), Is.True, $"backend {pid} was terminated");
    }

    /// <summary>Runs <paramref name="sql"/> with <paramref name="values"/> as $1, $2, … on <paramref name="connection"/>; returns the rows it touched.</summary>
    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The one value <paramref name="sql"/> returns.</summary>
    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
