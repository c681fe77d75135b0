using Npgsql;
using RelGen.Query;

namespace RelGen.Save;

/// <summary>
/// Django's <c>get_or_create</c> and <c>update_or_create</c>. Both read first; a miss creates, and a unique violation on
/// that insert (another caller created the row in between) reads again and returns the winner's row, so concurrent callers
/// on a unique column all end up with the one row. Inside a transaction the insert runs in a savepoint, so the violation
/// does not abort the caller's transaction.
/// </summary>
internal static class GetOrCreator
{
    public static async Task<(T Object, bool Created)> GetOrCreateAsync<T>(RelGenDatabase database, QueryState query, Func<T> create,
        CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        if (await FindAsync<T>(database, query, cancellationToken).ConfigureAwait(false) is { } found)
            return (found, false);
        return await CreateAsync(database, query, create, update: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// In one transaction (or savepoint): the row read with <c>FOR UPDATE</c> of its own table, so concurrent updates queue
    /// up; found: updated and its changed fields saved; missing: created with the update applied.
    /// </summary>
    public static Task<(T Object, bool Created)> UpdateOrCreateAsync<T>(RelGenDatabase database, QueryState query, Action<T> update, Func<T> create,
        CancellationToken cancellationToken)
        where T : class, IModel<T>
        => Atomic.RunAsync(database, async () =>
        {
            var locked = query.WithLock(new RowLock(RowLockFlags.None, [null]));
            var (entity, created) = await FindAsync<T>(database, locked, cancellationToken).ConfigureAwait(false) is { } found
                ? (found, false)
                : await CreateAsync(database, locked, create, update, cancellationToken).ConfigureAwait(false);
            if (!created)
            {
                update(entity);
                await Saver.SaveAsync(database, entity, cancellationToken).ConfigureAwait(false);
                query.Known?.Changed();
            }
            return (entity, created);
        }, cancellationToken);

    private static async Task<(T Object, bool Created)> CreateAsync<T>(RelGenDatabase database, QueryState query, Func<T> create, Action<T>? update,
        CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        var model = T.RelGenModel;
        var entity = create() ?? throw new InvalidOperationException($"The create function of a {model.Name} GetOrCreate returned null.");
        (query.Known as KnownRelated<T>)?.Adopt(entity);
        update?.Invoke(entity);
        Saver.Validate(model, entity);
        try
        {
            // One INSERT is atomic alone; inside a transaction it gets a savepoint so its failure leaves the transaction usable.
            if (database.InTransaction)
                await Atomic.RunAsync(database, () => InsertAsync(database, entity, cancellationToken), cancellationToken).ConfigureAwait(false);
            else
                await InsertAsync(database, entity, cancellationToken).ConfigureAwait(false);
        }
        catch (IntegrityException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Someone created it since the read: theirs is the row (Django reads again after the IntegrityError).
            if (await FindAsync<T>(database, query, cancellationToken).ConfigureAwait(false) is { } existing)
                return (existing, false);
            throw;
        }
        query.Known?.Changed();
        return (entity, true);
    }

    private static async Task<bool> InsertAsync<T>(RelGenDatabase database, T entity, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        var lease = await database.AcquireAsync(DatabaseOperation.Save, T.RelGenModel, cancellationToken).ConfigureAwait(false);
        try
        {
            await Saver.InsertOnAsync(database, lease, entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (lease.Translate(e, cancellationToken) is { } error)
        {
            throw error;
        }
        finally
        {
            await lease.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The one object of <paramref name="query"/>, or null; more than one is <see cref="MultipleObjectsReturnedException"/>.</summary>
    private static async Task<T?> FindAsync<T>(RelGenDatabase database, QueryState query, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        try
        {
            // Django's get_or_create reads with db_for_write: the row it may have to create is the primary's business.
            return await QueryExecutor.GetAsync<T>(database, query.WithRoute(ReadFrom.Primary), null, cancellationToken).ConfigureAwait(false);
        }
        catch (DoesNotExistException)
        {
            return null;
        }
    }
}
