using Npgsql;

namespace RelGen.Testing;

/// <summary>
/// One-off administrative statements for the replica set and its members, on unpooled
/// connections: servers here get stopped and restarted, and a pooled connection to a server
/// that restarted fails on its next use.
/// </summary>
internal static class AdminSql
{
    public static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    public static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(Unpooled(connectionString));
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        var connection = await OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
            return await ScalarAsync<T>(connection, sql, cancellationToken, parameters).ConfigureAwait(false);
    }

    public static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            foreach (object? value in parameters)
                command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            object? result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return (T)result!;
        }
    }

    public static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(sql, connection);
            await using (command.ConfigureAwait(false))
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
