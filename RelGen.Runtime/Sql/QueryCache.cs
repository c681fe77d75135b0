using System.Collections.Concurrent;

namespace RelGen.Sql;

/// <summary>
/// SQL text by query shape. The key holds only the shape's tokens (descriptors, paths, operators), so the cache keeps no
/// value, entity or database alive; it is bounded so an unbounded variety of shapes cannot grow it without limit.
/// </summary>
internal static class QueryCache
{
    private const int MaxEntries = 10_000;

    private static readonly ConcurrentDictionary<ShapeKey, CompiledQuery> Entries = new();

    /// <summary>The SQL of the shape in <paramref name="writer"/>, compiled on the first use of the shape.</summary>
    public static CompiledQuery Get(ShapeWriter writer)
    {
        var key = writer.Key();
        if (Entries.TryGetValue(key, out var compiled))
            return compiled;
        compiled = SqlCompiler.Compile(key.Span);
        if (Entries.Count < MaxEntries)
            Entries.TryAdd(key.Copy(), compiled);
        return compiled;
    }

    internal static int Count => Entries.Count;

    internal static void Clear() => Entries.Clear();
}
