namespace RelGen.Loading;

/// <summary>
/// Where a prefetch hop puts its objects as they are read: grouped per parent (reverse) or by key (forward) at once, so a hop
/// whose objects prefetch nothing further holds no list of all of them.
/// </summary>
internal interface IHopRows<in T> where T : class
{
    void Add(T row);
}
