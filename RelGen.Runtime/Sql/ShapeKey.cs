namespace RelGen.Sql;

/// <summary>A query shape as a dictionary key: the tokens (a writer's buffer while looking up, an exact copy once cached) and their hash.</summary>
internal readonly struct ShapeKey(ShapeToken[] tokens, int count, int hash) : IEquatable<ShapeKey>
{
    public ShapeToken[] Tokens { get; } = tokens;
    public int Count { get; } = count;
    public int Hash { get; } = hash;

    public ReadOnlySpan<ShapeToken> Span => Tokens.AsSpan(0, Count);

    /// <summary>A key that owns its tokens, for storing in the cache.</summary>
    public ShapeKey Copy() => new(Span.ToArray(), Count, Hash);

    public bool Equals(ShapeKey other) => Hash == other.Hash && Span.SequenceEqual(other.Span);

    public override bool Equals(object? obj) => obj is ShapeKey other && Equals(other);

    public override int GetHashCode() => Hash;
}
