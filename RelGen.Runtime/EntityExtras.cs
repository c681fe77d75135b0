using System.ComponentModel;

namespace RelGen;

/// <summary>Rarely needed per-object state, allocated only when used so that plain reads stay lean.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EntityExtras
{
    /// <summary>Reverse sets loaded by <c>PrefetchRelated</c>, by relation.</summary>
    internal Dictionary<Schema.RelationMeta, object>? Prefetched;

    /// <summary>The objects loaded by the same query and the fetch mode it ran with.</summary>
    internal Loading.PeerGroup? Peers;
}
