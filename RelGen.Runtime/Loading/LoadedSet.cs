namespace RelGen.Loading;

/// <summary>The objects a prefetch step loaded, typed, so the next step (a nested path) starts from them.</summary>
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
