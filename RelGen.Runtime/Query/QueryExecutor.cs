using System.Runtime.CompilerServices;
using Npgsql;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>The terminal operations of query sets: one core each, with a <c>bool async</c> flag.</summary>
internal static class QueryExecutor
{
    /// <summary>Prepares (a no-op once the connection has the statement) and executes a select command.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<NpgsqlDataReader> ExecuteReaderAsync(NpgsqlCommand command, bool async, CancellationToken cancellationToken)
    {
        try
        {
            await RelGenDatabase.PrepareAsync(command, async, cancellationToken).ConfigureAwait(false);
            return async ? await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false) : command.ExecuteReader();
        }
        catch (PostgresException e) when (Errors.IsIntegrityError(e))
        {
            throw new IntegrityException(e);
        }
    }

    public static Task<List<T>> ToListAsync<T>(RelGenDatabase database, QueryState state, bool async, CancellationToken cancellationToken)
        where T : class, IModel<T>
        => ReadAsync<T, ListSink<T>, List<T>>(database, state, QueryKind.Select, new ListSink<T>(), async, cancellationToken);

    public static Task<T?> FirstOrDefaultAsync<T>(RelGenDatabase database, QueryState state, bool async, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        // Django's first(): ordered by key when nothing else orders the query.
        if (state.Order is null && state.Model.Ordering.Length == 0)
            state = state.WithOrder([new OrderTerm(new ColumnRef(null, state.Model.Key), descending: false)]);
        return ReadAsync<T, SingleSink<T>, T?>(database, state.WithTake(1), QueryKind.Select, new SingleSink<T>(exactlyOne: false), async, cancellationToken);
    }

    /// <summary>
    /// The one matching object, read without a list. An unsliced query runs as <see cref="QueryKind.Get"/>; a sliced one
    /// keeps its order and gets the same limit as a parameter.
    /// </summary>
    public static Task<T> GetAsync<T>(RelGenDatabase database, QueryState state, bool async, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        var kind = QueryKind.Get;
        if (state.IsSliced)
        {
            kind = QueryKind.Select;
            if (state.Limit is null)
                state = state.WithTake(MultipleObjectsReturnedException.GetLimit);
        }
        return ReadAsync<T, SingleSink<T>, T?>(database, state, kind, new SingleSink<T>(exactlyOne: true), async, cancellationToken)!;
    }

    /// <summary>
    /// The one read core of the terminals that return objects: acquire, execute, read every row into the sink, prefetch.
    /// All in one async method (its task is the caller's), so a read pays for one state machine, not one per layer.
    /// </summary>
    private static async Task<TResult> ReadAsync<T, TSink, TResult>(RelGenDatabase database, QueryState state, QueryKind kind, TSink sink,
        bool async, CancellationToken cancellationToken)
        where T : class, IModel<T>
        where TSink : IRowSink<T, TResult>
    {
        var compiled = QueryCompiler.Compile(state, kind);
        var rows = new RowMaterializer<T>(database, state, compiled);
        var lease = await database.AcquireAsync(async, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = database.CreateCommand(lease, compiled.Sql);
            state.AddParameters(command.Parameters);
            await RelGenDatabase.PrepareAsync(command, async, cancellationToken).ConfigureAwait(false);
            await using var reader = async ? await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false) : command.ExecuteReader();
            while (async ? await reader.ReadAsync(cancellationToken).ConfigureAwait(false) : reader.Read())
                sink.Add(rows.Read(reader));
        }
        catch (PostgresException e) when (Errors.IsIntegrityError(e))
        {
            throw new IntegrityException(e);
        }
        finally
        {
            await lease.DisposeAsync(async).ConfigureAwait(false);
        }
        var result = sink.Complete(state);
        if (state.Prefetch.Length > 0 && sink.Count > 0)
            await Prefetcher.LoadAsync(database, sink.Loaded(), state.Prefetch, async, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public static Task<int> CountAsync(RelGenDatabase database, QueryState state, bool async, CancellationToken cancellationToken)
        => ScalarAsync<long, int>(database, state, QueryKind.Count, static count => checked((int)count), async, cancellationToken);

    public static Task<bool> ExistsAsync(RelGenDatabase database, QueryState state, bool async, CancellationToken cancellationToken)
        => ScalarAsync<bool, bool>(database, state, QueryKind.Exists, static exists => exists, async, cancellationToken);

    /// <summary>One value from one row; <paramref name="convert"/> (a static lambda, allocated once) keeps it one async layer.</summary>
    private static async Task<TValue> ScalarAsync<TColumn, TValue>(RelGenDatabase database, QueryState state, QueryKind kind, Func<TColumn, TValue> convert,
        bool async, CancellationToken cancellationToken)
    {
        var compiled = QueryCompiler.Compile(state, kind);
        var lease = await database.AcquireAsync(async, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = database.CreateCommand(lease, compiled.Sql);
            state.AddParameters(command.Parameters);
            await RelGenDatabase.PrepareAsync(command, async, cancellationToken).ConfigureAwait(false);
            await using var reader = async
                ? await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false)
                : command.ExecuteReader();
            if (async)
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            else
                reader.Read();
            return convert(reader.GetFieldValue<TColumn>(0));
        }
        finally
        {
            await lease.DisposeAsync(async).ConfigureAwait(false);
        }
    }
}
