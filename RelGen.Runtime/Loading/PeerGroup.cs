namespace RelGen.Loading;

/// <summary>The objects one query returned, shared by each of them, so a relation can be loaded for all at once.</summary>
internal sealed class PeerGroup(FetchMode mode)
{
    public FetchMode Mode { get; } = mode;

    public List<object> Members { get; } = [];
}
