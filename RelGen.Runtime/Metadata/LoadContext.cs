using System.ComponentModel;
using RelGen.Loading;

namespace RelGen.Metadata;

/// <summary>
/// What the objects of one query (or one save) share: the database they belong to, how their unloaded relations load,
/// their peers, and what <c>PrefetchRelated</c> loaded for them. Each object holds a reference to its context, so a
/// plain read allocates one context per query (or none: <see cref="RelGenDatabase"/> keeps a shared default one).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class LoadContext
{
    private Dictionary<RelationDescriptor, object>? _prefetched;

    internal LoadContext(RelGenDatabase database, FetchMode? mode, PeerGroup? peers, ReadFrom? route = null)
    {
        Database = database;
        ExplicitMode = mode;
        Peers = peers;
        Route = route;
    }

    /// <summary>Where the query that read these objects chose to read (null: the database's default), so their loads read there too.</summary>
    internal ReadFrom? Route { get; }

    internal RelGenDatabase Database { get; }

    /// <summary>The fetch mode chosen for the query (Django copies it to what the objects load), or null for the database's.</summary>
    internal FetchMode? ExplicitMode { get; }

    internal FetchMode Mode => ExplicitMode ?? Database.FetchMode;

    /// <summary>The objects loaded together with this one, in <see cref="FetchMode.Peers"/>.</summary>
    internal PeerGroup? Peers { get; }

    /// <summary>True when objects loaded from this context's objects need a context of their own (a mode or peers to carry on).</summary>
    internal bool CarriesMode => ExplicitMode is not null || Peers is not null;

    /// <summary>The context of objects loaded through a relation of this context's objects: same database, mode and route, new peers.</summary>
    internal LoadContext ForLoaded<T>() where T : class
        => CarriesMode ? new LoadContext(Database, ExplicitMode, Mode == FetchMode.Peers ? new PeerGroup<T>() : null, Route) : Database.ContextFor(Route);

    /// <summary>The prefetch cache of <paramref name="relation"/>, created on first use.</summary>
    internal TCache Prefetched<TCache>(RelationDescriptor relation) where TCache : class, new()
    {
        lock (this)
        {
            _prefetched ??= [];
            if (!_prefetched.TryGetValue(relation, out var cache))
                _prefetched[relation] = cache = new TCache();
            return (TCache)cache;
        }
    }

    /// <summary>
    /// Makes <paramref name="cache"/>, filled, the prefetch cache of <paramref name="relation"/> when there is none yet (the
    /// usual case: one prefetch of one query's objects), so the grouping a prefetch built is not copied into a second one.
    /// </summary>
    internal bool TryInstallPrefetched(RelationDescriptor relation, object cache)
    {
        lock (this)
        {
            _prefetched ??= [];
            return _prefetched.TryAdd(relation, cache);
        }
    }

    internal TCache? PrefetchedIfAny<TCache>(RelationDescriptor relation) where TCache : class
    {
        lock (this)
            return _prefetched is not null && _prefetched.TryGetValue(relation, out var cache) ? (TCache)cache : null;
    }
}
