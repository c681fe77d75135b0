using RelGen.Metadata;

namespace RelGen.Loading;

/// <summary>
/// A reverse hop's objects as they are read: each attached to its parent and added to the parent's list, the lists keyed as
/// the parents' reverse managers look them up (<see cref="Relation{TSource, TTarget, TKey}.TryGetPrefetched"/>).
/// </summary>
internal sealed class ReverseHop<TSource, TTarget, TKey>(Relation<TSource, TTarget, TKey> relation, Dictionary<TKey, TTarget> parents, List<TSource>? loaded)
    : IHopRows<TSource>
    where TSource : class, IModel<TSource>
    where TTarget : class, IModel<TTarget>
    where TKey : notnull
{
    /// <summary>Each parent's objects, by the parent's key; a parent without any has none until <see cref="Complete"/>.</summary>
    public Dictionary<TKey, List<TSource>> ByParent { get; } = new(parents.Count);

    /// <summary>Every object read, in order, when a deeper hop starts from them; else null.</summary>
    public List<TSource>? Loaded { get; } = loaded;

    public void Add(TSource row)
    {
        if (!relation.TryGetKey(row, out var key) || !parents.TryGetValue(key, out var parent))
            return;
        if (!ByParent.TryGetValue(key, out var items))
            ByParent[key] = items = [];
        items.Add(row);
        relation.Attach(row, parent);
        Loaded?.Add(row);
    }

    /// <summary>Gives every parent without objects its empty list, so its manager answers from the cache too.</summary>
    public void Complete()
    {
        if (ByParent.Count == parents.Count)
            return;
        foreach (var key in parents.Keys)
            ByParent.TryAdd(key, []);
    }
}
