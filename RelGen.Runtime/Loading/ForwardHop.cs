using RelGen.Metadata;

namespace RelGen.Loading;

/// <summary>A forward hop's objects as they are read, by key, for the sources pointing at them.</summary>
internal sealed class ForwardHop<TTarget, TKey>(ModelDescriptor<TTarget, TKey> model, int capacity, List<TTarget>? loaded) : IHopRows<TTarget>
    where TTarget : class, IModel<TTarget>
    where TKey : notnull
{
    public Dictionary<TKey, TTarget> ByKey { get; } = new(capacity);

    /// <summary>Every object read, in order, when a deeper hop starts from them; else null.</summary>
    public List<TTarget>? Loaded { get; } = loaded;

    public void Add(TTarget row)
    {
        ByKey[model.GetKey(row)] = row;
        Loaded?.Add(row);
    }
}
