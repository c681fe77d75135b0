namespace RelGen.Save;

/// <summary>
/// Django's <c>atomic</c> for RelGen's own multi-step writes: the work runs in a transaction of its own when none is active
/// in this async flow, else in a nested one (a savepoint of the active transaction), so a failure undoes the work and
/// leaves an outer transaction usable.
/// </summary>
internal static class Atomic
{
    public static async Task<TResult> RunAsync<TResult>(RelGenDatabase database, Func<Task<TResult>> work, CancellationToken cancellationToken)
    {
        // Begun inside this async method, the transaction (or savepoint) is ambient for the work and ends with it: disposing
        // it without a commit rolls back, to the savepoint when nested.
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
}
