using RelGen.Loading;

namespace RelGen.Query;

/// <summary>
/// How a query's objects are loaded: select-related paths, prefetches, fetch mode and known owner. Rarely set, so a
/// <see cref="QueryState"/> holds one shared <see cref="None"/> instead of four fields of its own.
/// </summary>
internal sealed record QueryLoading(RelationPath[] SelectRelated, PrefetchPath[] Prefetch, FetchMode? FetchMode, KnownRelated? Known)
{
    public static readonly QueryLoading None = new([], [], null, null);

    /// <summary>The row lock of <c>SelectForUpdate</c>, or null.</summary>
    public RowLock? Lock { get; init; }

    /// <summary>Where the query reads (<c>UsingReplica()</c>, <c>UsingPrimary()</c>), or null for the database's default.</summary>
    public ReadFrom? Route { get; init; }

    /// <summary><c>AllowStale()</c>: a replica read even right after the flow's own write.</summary>
    public bool AllowStale { get; init; }
}
