namespace RelGen.Metadata;

/// <summary>What "has a key" means for a key type: not its default (0, <see cref="Guid.Empty"/>) and not null.</summary>
internal static class Keys<TKey>
{
    public static bool IsSet(TKey key) => key is not null && !EqualityComparer<TKey>.Default.Equals(key, default!);
}
