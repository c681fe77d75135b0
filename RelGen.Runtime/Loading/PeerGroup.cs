namespace RelGen.Loading;

/// <summary>The objects one query returned, loaded together: in <see cref="FetchMode.Peers"/> a relation read on one loads for all.</summary>
internal abstract class PeerGroup
{
}

/// <inheritdoc cref="PeerGroup"/>
internal sealed class PeerGroup<T> : PeerGroup where T : class
{
    public List<T> Members { get; } = [];
}
