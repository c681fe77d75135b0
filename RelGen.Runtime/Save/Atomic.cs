using Npgsql;

namespace RelGen.Save;

/// <summary>
/// Django's <c>atomic</c> for RelGen's own multi-step writes: the work runs in a transaction of its own when none is active
/// in this async flow, else inside a savepoint of the active one, so a failure undoes the work and leaves an outer
/// transaction usable. (Nested <c>BeginTransactionAsync</c> belongs to the public transaction API; this helper is internal
/// to the writes.)
/// </summary>
internal static class Atomic
{
    private static long _savepoints;

    public static async Task<TResult> RunAsync<TResult>(RelGenDatabase database, Func<Task<TResult>> work, CancellationToken cancellationToken)
    {
        if (!database.InTransaction)
        {
            // Begun inside this async method, the transaction is ambient for the work and ends with it.
            var transaction = await database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var result = await work().ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
            finally
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }
        }
        var name = "relgen_savepoint_" + Interlocked.Increment(ref _savepoints).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await OnTransactionAsync(database, "SAVEPOINT " + name, (t, ct) => t.SaveAsync(name, ct), cancellationToken).ConfigureAwait(false);
        TResult done;
        try
        {
            done = await work().ConfigureAwait(false);
        }
        catch
        {
            try
            {
                await OnTransactionAsync(database, "ROLLBACK TO SAVEPOINT " + name, (t, ct) => t.RollbackAsync(name, ct), CancellationToken.None).ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // The connection broke; the outer transaction is lost anyway and the work's own error says more.
            }
            throw;
        }
        await OnTransactionAsync(database, "RELEASE SAVEPOINT " + name, (t, ct) => t.ReleaseAsync(name, ct), cancellationToken).ConfigureAwait(false);
        return done;
    }

    /// <summary>Runs a savepoint command on the ambient transaction's connection, logged as every command is.</summary>
    private static async Task OnTransactionAsync(RelGenDatabase database, string sql, Func<NpgsqlTransaction, CancellationToken, Task> command,
        CancellationToken cancellationToken)
    {
        var lease = await database.AcquireAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            database.Log.Command(sql);
            await command(lease.Transaction!, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await lease.DisposeAsync().ConfigureAwait(false);
        }
    }
}
