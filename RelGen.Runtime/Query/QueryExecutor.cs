using RelGen.Execution;
using RelGen.Loading;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>The terminal operations of query sets: one async core each.</summary>
internal static class QueryExecutor
{
    public static Task<List<T>> ToListAsync<T>(RelGenDatabase database, QueryState state, CancellationToken cancellationToken)
        where T : class, IModel<T>
        => ReadAsync<T, ListSink<T>, List<T>>(database, state, null, QueryKind.Select, new ListSink<T>(), cancellationToken);

    public static Task<T?> FirstOrDefaultAsync<T>(RelGenDatabase database, QueryState state, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        // Django's first(): ordered by key when nothing else orders the query.
        if (state.Order is null && state.Model.Ordering.Count == 0)
            state = state.WithOrder([new OrderTerm(new ColumnExpression<object>(state.Model.Key.OwnRef), descending: false, nullsFirst: null)]);
        return ReadAsync<T, SingleSink<T>, T?>(database, state.WithTake(1), null, QueryKind.Select, new SingleSink<T>(exactlyOne: false), cancellationToken);
    }

    /// <summary>
    /// The one matching object, read without a list. An unsliced query runs as <see cref="QueryKind.Get"/>; a sliced one
    /// keeps its order and gets the same limit as a parameter. <paramref name="filter"/> (<c>GetAsync(predicate)</c>, checked
    /// by <see cref="QueryState.CheckFilter"/>) is written as one more filter clause, so the call needs no state of its own.
    /// </summary>
    public static Task<T> GetAsync<T>(RelGenDatabase database, QueryState state, Predicate? filter, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        var kind = QueryKind.Get;
        if (state.IsSliced)
        {
            kind = QueryKind.Select;
            if (state.Limit is null)
                state = state.WithTake(MultipleObjectsReturnedException.GetLimit);
        }
        return ReadAsync<T, SingleSink<T>, T?>(database, state, filter, kind, new SingleSink<T>(exactlyOne: true), cancellationToken)!;
    }

    /// <summary>
    /// The one read core of the terminals that return objects: acquire, bind, execute, read every row into the sink,
    /// prefetch. All in one async method (its task is the caller's), so a read pays for one state machine.
    /// </summary>
    private static async Task<TResult> ReadAsync<T, TSink, TResult>(RelGenDatabase database, QueryState state, Predicate? filter, QueryKind kind,
        TSink sink, CancellationToken cancellationToken)
        where T : class, IModel<T>
        where TSink : IRowSink<T, TResult>
    {
        var acquiring = database.AcquireReadAsync(DatabaseOperation.Query, state.Model, state.ReadRoute, state.AllowStale, cancellationToken);
        // A pooled connection is usually there at once. Awaiting the ValueTask itself would put its awaiter, with a whole
        // lease inside, into every read's state machine; the task form's awaiter is a reference, paid for only when it waits.
        var lease = acquiring.IsCompletedSuccessfully ? acquiring.Result : await acquiring.AsTask().ConfigureAwait(false);
        try
        {
            // Disposed synchronously: a command has no asynchronous disposal (DbCommand's DisposeAsync calls Dispose), and
            // `await using` would keep an exception slot and an awaiter of its own in the state machine.
            using var command = QueryCommand.Create(lease);
            var compiled = QueryCommand.Bind(database, command, state, kind, filter);
            // Plain rows (no select-related columns, known owner, peers or own context) need only the model's reader.
            var model = T.RelGenModel;
            var rows = RowMaterializer<T>.IsPlain(database, state, compiled, out var context) ? null : new RowMaterializer<T>(database, state, compiled);
            var reader = await lease.ExecutePreparedReaderAsync(command, cancellationToken).ConfigureAwait(false);
            try
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    // Npgsql observes the token only while it waits for the server; rows already received are read regardless.
                    if (cancellationToken.IsCancellationRequested)
                        AbandonedRead.Throw(command, lease, cancellationToken);
                    sink.Add(rows is null ? model.Read(reader, 0, context) : rows.Read(reader));
                }
            }
            finally
            {
                await reader.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (Exception e) when (lease.Translate(e, cancellationToken) is { } error)
        {
            throw error;
        }
        finally
        {
            await lease.DisposeAsync().ConfigureAwait(false);
        }
        var result = sink.Complete(state);
        if (state.Prefetch.Length > 0 && sink.Count > 0)
            await PrefetchRunner.RunAsync(database, sink.Loaded(), state.Prefetch, null, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public static Task<int> CountAsync(RelGenDatabase database, QueryState state, CancellationToken cancellationToken)
        => ScalarAsync<long, int>(database, state, QueryKind.Count, static count => checked((int)count), cancellationToken);

    public static Task<bool> ExistsAsync(RelGenDatabase database, QueryState state, CancellationToken cancellationToken)
        => ScalarAsync<bool, bool>(database, state, QueryKind.Exists, static exists => exists, cancellationToken);

    /// <summary>One value from one row; <paramref name="convert"/> (a static lambda, allocated once) keeps it one async layer.</summary>
    private static async Task<TValue> ScalarAsync<TColumn, TValue>(RelGenDatabase database, QueryState state, QueryKind kind, Func<TColumn, TValue> convert,
        CancellationToken cancellationToken)
    {
        // As in ReadAsync: the ValueTask's awaiter and the command's `await using` would each cost the state machine room.
        var acquiring = database.AcquireReadAsync(DatabaseOperation.Query, state.Model, state.ReadRoute, state.AllowStale, cancellationToken);
        var lease = acquiring.IsCompletedSuccessfully ? acquiring.Result : await acquiring.AsTask().ConfigureAwait(false);
        try
        {
            using var command = QueryCommand.Create(lease);
            QueryCommand.Bind(database, command, state, kind);
            var reader = await lease.ExecutePreparedReaderAsync(command, cancellationToken).ConfigureAwait(false);
            try
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                return convert(reader.GetFieldValue<TColumn>(0));
            }
            finally
            {
                await reader.DisposeAsync().ConfigureAwait(false);
            }
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
}
