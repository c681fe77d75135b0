using RelGen.Metadata;
using RelGen.Query;

namespace RelGen.Save;

/// <summary>
/// Django's <c>refresh_from_db</c>: the object's row read again (through a query set, as <c>from_queryset</c>) and every
/// column copied into the object, which keeps its identity. Relations follow Django: what the query select-related is
/// attached fresh, a cached object the new key no longer points at is dropped, prefetched sets are dropped or, when the
/// query prefetches, loaded again for this object.
/// </summary>
internal static class Refresher
{
    public static async Task RefreshAsync<T>(RelGenDatabase database, QueryState state, T entity, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(entity);
        var model = T.RelGenModel;
        if (!model.HasKey(entity))
            throw new InvalidOperationException($"Cannot refresh {model.Name} '{entity}': it has no {model.Key.Property}, so it has no row.");
        var query = state.WithoutPrefetch().AddFilter(model.KeyFilter(entity), exclude: false);
        var fresh = await QueryExecutor.GetAsync<T>(database, query, null, cancellationToken).ConfigureAwait(false);
        model.CopyLoaded(fresh, entity);
        foreach (var relation in model.TypedRelations)
            relation.Refreshed(entity, fresh);
        // A context of its own drops what earlier prefetches cached for the object (Django empties its prefetch cache); the
        // fetch mode the object was loaded with carries on unless the query names one.
        var mode = state.FetchMode ?? model.Context(entity)?.ExplicitMode;
        var route = state.Route ?? model.Context(entity)?.Route;
        model.Context(entity) = mode is null && state.Prefetch.Length == 0 ? database.ContextFor(route) : new LoadContext(database, mode, peers: null, route);
        if (state.Prefetch.Length == 0)
            return;
        await Loading.PrefetchRunner.RunAsync(database, [entity], state.Prefetch, null, cancellationToken).ConfigureAwait(false);
    }
}
