using RelGen.Query;

namespace RelGen.Sql;

/// <summary>One instruction of a query shape: an op, an integer argument and up to two references (descriptors or paths, never values).</summary>
internal readonly struct ShapeToken(ShapeOp op, int arg, object? a, object? b) : IEquatable<ShapeToken>
{
    public ShapeOp Op { get; } = op;
    public int Arg { get; } = arg;
    public object? A { get; } = a;
    public object? B { get; } = b;

    public bool Equals(ShapeToken other)
        => Op == other.Op && Arg == other.Arg && SameReference(A, other.A) && SameReference(B, other.B);

    public override bool Equals(object? obj) => obj is ShapeToken other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Op, Arg, HashOf(A), HashOf(B));

    // Paths compare by structure (lookups build new path objects); descriptors are singletons.
    private static bool SameReference(object? x, object? y)
        => ReferenceEquals(x, y) || (x is RelationPath p && p.Equals(y as RelationPath));

    private static int HashOf(object? reference) => reference switch
    {
        null => 0,
        RelationPath path => path.GetHashCode(),
        _ => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(reference),
    };
}
