using System.Runtime.CompilerServices;
using Npgsql;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>The terminal operations of query sets: one core each, with a <c>bool async</c> flag.</summary>
internal static class QueryExecutor
{
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<ModelReader<T>> OpenReaderAsync<T>(RelGenDatabase database, QueryState state, bool async, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        try
        {
            return await ModelReader<T>.OpenAsync(database, state, async, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (Errors.IsIntegrityError(e))
        {
            throw new IntegrityException(e);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<List<T>> ToListAsync<T>(RelGenDatabase database, QueryState state, bool async, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        var list = new List<T>();
        var reader = await OpenReaderAsync<T>(database, state, async, cancellationToken).ConfigureAwait(false);
        try
        {
            while (await reader.ReadAsync(async, cancellationToken).ConfigureAwait(false))
                list.Add(reader.Current);
        }
        finally
        {
            await reader.DisposeAsync(async).ConfigureAwait(false);
        }
        if (state.Prefetch.Length > 0 && list.Count > 0)
            await Prefetcher.LoadAsync(database, list, state.Prefetch, async, cancellationToken).ConfigureAwait(false);
        return list;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<T?> FirstOrDefaultAsync<T>(RelGenDatabase database, QueryState state, bool async, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        // Django's first(): ordered by key when nothing else orders the query.
        if (state.Order is null && state.Model.Ordering.Length == 0)
            state = state.WithOrder([new OrderTerm(new ColumnRef(null, state.Model.Key), descending: false)]);
        var list = await ToListAsync<T>(database, state.WithTake(1), async, cancellationToken).ConfigureAwait(false);
        return list.Count == 0 ? null : list[0];
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<T> GetAsync<T>(RelGenDatabase database, QueryState state, bool async, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        var limited = state.Limit is null ? state.WithTake(MultipleObjectsReturnedException.GetLimit) : state;
        var list = await ToListAsync<T>(database, limited, async, cancellationToken).ConfigureAwait(false);
        return list.Count switch
        {
            1 => list[0],
            0 => throw new DoesNotExistException(state.Model.ClassName),
            _ => throw new MultipleObjectsReturnedException(state.Model.ClassName, list.Count),
        };
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<int> CountAsync(RelGenDatabase database, QueryState state, bool async, CancellationToken cancellationToken)
        => checked((int)await ScalarAsync<long>(database, state, QueryKind.Count, async, cancellationToken).ConfigureAwait(false));

    public static ValueTask<bool> ExistsAsync(RelGenDatabase database, QueryState state, bool async, CancellationToken cancellationToken)
        => ScalarAsync<bool>(database, state, QueryKind.Exists, async, cancellationToken);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<TValue> ScalarAsync<TValue>(RelGenDatabase database, QueryState state, QueryKind kind, bool async, CancellationToken cancellationToken)
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
            return reader.GetFieldValue<TValue>(0);
        }
        finally
        {
            await lease.DisposeAsync(async).ConfigureAwait(false);
        }
    }
}
