using Npgsql;

namespace RelGen.Tests.Support;

/// <summary>
/// A row locked <c>FOR UPDATE</c> by a transaction of another session, held until <see cref="ReleaseAsync"/> (or dispose),
/// for the tests that prove a statement skips or refuses rows someone else holds.
/// </summary>
internal sealed class HeldRowLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private HeldRowLock(NpgsqlConnection connection, NpgsqlTransaction transaction) => (_connection, _transaction) = (connection, transaction);

    /// <summary>Locks the row of <paramref name="table"/> whose <c>id</c> is <paramref name="id"/> (the table name is the test's own constant).</summary>
    public static async Task<HeldRowLock> TakeAsync(string connectionString, string table, int id)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand($"SELECT 1 FROM {table} WHERE id = $1 FOR UPDATE", connection, transaction))
        {
            lockRow.Parameters.Add(new NpgsqlParameter<int> { TypedValue = id });
            await lockRow.ExecuteNonQueryAsync();
        }
        return new HeldRowLock(connection, transaction);
    }

    /// <summary>Commits the other session's transaction, which releases the lock.</summary>
    public Task ReleaseAsync() => _transaction.CommitAsync();

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
