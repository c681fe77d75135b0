using Npgsql;
using RelGen.Execution;
using RelGen.Metadata;
using RelGen.Query;
using RelGen.Sql;

namespace RelGen.Loading;

/// <summary>
/// One prefetch hop: the objects related to many parents, read in one query by the parents' keys, then attached (forward)
/// or grouped per parent into the parents' contexts for their reverse managers (reverse). The keys go as one array
/// parameter through <c>= ANY(ARRAY(SELECT unnest($n)))</c>: measured on 1M rows, a plain <c>= ANY($n)</c> costs the planner
/// per key (12 ms at 10k keys, 106–126 ms at 100k), the wrapped form 0.5 ms at any size with the same bitmap index scan,
/// and the parent query as a subquery was 2.5–3.5× slower (it runs the parents' query again, and planned a hash join over
/// the whole child table); bounded chunks only split the same planning cost over more round trips.
/// </summary>
internal static class Prefetcher
{
    /// <summary>
    /// Reverse: the <typeparamref name="TSource"/> objects pointing at each parent, cached per parent for its manager. They are
    /// grouped as they are read; a list of all of them is kept only when a deeper hop starts from them.
    /// </summary>
    public static async Task LoadReverseAsync<TSource, TTarget, TKey>(RelGenDatabase database, Relation<TSource, TTarget, TKey> relation,
        List<TTarget> parents, QueryState? query, PrefetchPath[] deeper, ConnectionLease? lease, CancellationToken cancellationToken)
        where TSource : class, IModel<TSource>
        where TTarget : class, IModel<TTarget>
        where TKey : notnull
    {
        var parentModel = relation.TargetModel;
        var byKey = new Dictionary<TKey, TTarget>(parents.Count);
        foreach (var parent in parents)
            byKey.TryAdd(parentModel.GetKey(parent), parent);
        var state = Restrict(query ?? relation.SourceModel.AllRows, relation.Column, [.. byKey.Keys], parentModel.Context(parents[0]), deeper);
        var hop = new ReverseHop<TSource, TTarget, TKey>(relation, byKey, state.Prefetch.Length > 0 ? [] : null);
        await ReadAsync(database, state, hop, lease, cancellationToken).ConfigureAwait(false);
        hop.Complete();
        Cache(relation, parents, byKey, hop.ByParent);
        if (hop.Loaded is { } children)
            await PrefetchRunner.RunAsync(database, children, state.Prefetch, lease, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Puts each parent's list into its context's cache. Parents of one query share a context, which has no cache of this
    /// relation yet: the grouping becomes the cache as it is. Else (peer groups of a large query, objects of several queries,
    /// a second prefetch) each parent's list goes into its own context's cache.
    /// </summary>
    private static void Cache<TSource, TTarget, TKey>(Relation<TSource, TTarget, TKey> relation, List<TTarget> parents, Dictionary<TKey, TTarget> byKey,
        Dictionary<TKey, List<TSource>> byParent)
        where TSource : class, IModel<TSource>
        where TTarget : class, IModel<TTarget>
        where TKey : notnull
    {
        var parentModel = relation.TargetModel;
        var shared = parentModel.Context(parents[0])!;
        var oneContext = true;
        foreach (var parent in parents)
        {
            if (!ReferenceEquals(parentModel.Context(parent), shared))
            {
                oneContext = false;
                break;
            }
        }
        if (oneContext && shared.TryInstallPrefetched(relation, byParent))
            return;
        LoadContext? last = null;
        Dictionary<TKey, List<TSource>>? cache = null;
        foreach (var (key, parent) in byKey)
        {
            var context = parentModel.Context(parent)!;
            if (!ReferenceEquals(context, last))
            {
                last = context;
                cache = context.Prefetched<Dictionary<TKey, List<TSource>>>(relation);
            }
            lock (cache!)
                cache[key] = byParent[key];
        }
    }

    /// <summary>Forward: the <typeparamref name="TTarget"/> each source points at, attached to it (Django's prefetch of a foreign key).</summary>
    public static async Task LoadForwardAsync<TSource, TTarget, TKey>(RelGenDatabase database, Relation<TSource, TTarget, TKey> relation,
        List<TSource> sources, QueryState? query, PrefetchPath[] deeper, ConnectionLease? lease, CancellationToken cancellationToken)
        where TSource : class, IModel<TSource>
        where TTarget : class, IModel<TTarget>
        where TKey : notnull
    {
        var keys = new HashSet<TKey>();
        foreach (var source in sources)
        {
            if (relation.TryGetKey(source, out var key))
                keys.Add(key);
        }
        if (keys.Count == 0)
            return;
        var targetModel = relation.TargetModel;
        var state = Restrict(query ?? targetModel.AllRows, targetModel.Key, [.. keys], relation.SourceModel.Context(sources[0]), deeper);
        var hop = new ForwardHop<TTarget, TKey>(targetModel, keys.Count, state.Prefetch.Length > 0 ? [] : null);
        await ReadAsync(database, state, hop, lease, cancellationToken).ConfigureAwait(false);
        foreach (var source in sources)
        {
            if (relation.TryGetKey(source, out var key) && hop.ByKey.TryGetValue(key, out var target))
                relation.Attach(source, target);
        }
        if (hop.Loaded is { } targets)
            await PrefetchRunner.RunAsync(database, targets, state.Prefetch, lease, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The hop's query restricted to the parents' keys, carrying the nested paths and the parents' fetch mode (Django copies it
    /// to what they load).
    /// </summary>
    private static QueryState Restrict<TKey>(QueryState query, ColumnDescriptor column, TKey[] keys, LoadContext? parentContext, PrefetchPath[] deeper)
    {
        var state = query.AddFilter(new InPredicate<TKey>(new ColumnExpression<TKey>(column.OwnRef), keys, manyKeys: true), exclude: false);
        if (deeper.Length > 0)
            state = state.WithPrefetch(deeper);
        if (parentContext?.ExplicitMode is { } mode && state.FetchMode is null)
            state = state.WithFetchMode(mode);
        // The parents' route too: objects read from a replica prefetch there.
        if (parentContext?.Route is { } route && state.Route is null)
            state = state.WithRoute(route);
        return state;
    }

    /// <summary>Reads a hop's objects with the same row reader as any query (select-related, contexts), on the given lease or a new one.</summary>
    private static async Task ReadAsync<T>(RelGenDatabase database, QueryState state, IHopRows<T> hop, ConnectionLease? given, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        var lease = given ?? await database.AcquireReadAsync(DatabaseOperation.Load, T.RelGenModel, state.ReadRoute, state.AllowStale, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = QueryCommand.Create(lease);
            var compiled = QueryCommand.Bind(database, command, state, QueryKind.Select);
            var rows = new RowMaterializer<T>(database, state, compiled);
            await using var reader = await lease.ExecutePreparedReaderAsync(command, cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                hop.Add(rows.Read(reader));
            }
        }
        catch (Exception e) when (lease.Translate(e, cancellationToken) is { } error)
        {
            throw error;
        }
        finally
        {
            if (given is null)
                await lease.DisposeAsync().ConfigureAwait(false);
        }
    }
}
