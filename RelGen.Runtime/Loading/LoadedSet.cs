namespace RelGen.Loading;

/// <summary>The objects a prefetch hop starts from (a query's rows, or what the hop before loaded), typed for the relation.</summary>
internal abstract class LoadedSet
{
    public abstract int Count { get; }
}

/// <inheritdoc cref="LoadedSet"/>
internal sealed class LoadedSet<T>(List<T> items) : LoadedSet
{
    public List<T> Items { get; } = items;

    public override int Count => Items.Count;
}
