using RelGen.Execution;
using RelGen.Metadata;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>The terminals of projections and aggregates: bind, execute, read each row with the projection's typed readers.</summary>
internal static class ProjectionExecutor
{
    public static async Task<List<TResult>> ToListAsync<TResult>(RelGenDatabase database, QueryState state, QueryKind kind, Projection<TResult> projection,
        CancellationToken cancellationToken)
    {
        var lease = await database.AcquireReadAsync(DatabaseOperation.Query, state.Model, state.ReadRoute, state.AllowStale, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = QueryCommand.Create(lease);
            QueryCommand.Bind(database, command, state, kind);
            await using var reader = await lease.ExecutePreparedReaderAsync(command, cancellationToken).ConfigureAwait(false);
            var context = ContextFor(database, state);
            var list = new List<TResult>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                list.Add(projection.Read(reader, context));
            }
            return list;
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

    /// <summary>The first row's value, or the default when there is no row (an aggregate terminal always has one).</summary>
    public static async Task<TResult?> FirstOrDefaultAsync<TResult>(RelGenDatabase database, QueryState state, QueryKind kind, Projection<TResult> projection,
        CancellationToken cancellationToken)
    {
        var lease = await database.AcquireReadAsync(DatabaseOperation.Query, state.Model, state.ReadRoute, state.AllowStale, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = QueryCommand.Create(lease);
            QueryCommand.Bind(database, command, state, kind);
            await using var reader = await lease.ExecutePreparedReaderAsync(command, cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? projection.Read(reader, ContextFor(database, state)) : default;
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

    /// <summary>The context of model terms' objects: the query's fetch mode travels with them, else the database's shared one.</summary>
    public static LoadContext ContextFor(RelGenDatabase database, QueryState state)
        => state.FetchMode is { } mode ? new LoadContext(database, mode, peers: null, state.Route) : database.ContextFor(state.Route);
}
