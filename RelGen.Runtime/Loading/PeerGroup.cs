namespace RelGen.Loading;

/// <summary>The objects one query returned, loaded together: in <see cref="FetchMode.Peers"/> a relation read on one loads for all.</summary>
internal abstract class PeerGroup
{
}

/// <inheritdoc cref="PeerGroup"/>
/// <remarks>
/// A streamed chunk's list is its peer group's (<see cref="Query.RowMaterializer{T}.Chunk"/>), so a chunk's objects are held
/// in one list, not two. Never cleared: the objects keep their group for later lazy loads.
/// </remarks>
internal sealed class PeerGroup<T>(List<T> members) : PeerGroup where T : class
{
    public PeerGroup() : this([])
    {
    }

    public List<T> Members { get; } = members;
}
