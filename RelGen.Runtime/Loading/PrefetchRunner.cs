using RelGen.Execution;
using RelGen.Query;

namespace RelGen.Loading;

/// <summary>
/// Runs a query's prefetches over the objects it read: one query per relation hop, children after parents. A nested path
/// (<c>r =&gt; r.Article.Comment</c>) travels with the hop before it: the articles' query prefetches the comments of the
/// articles it read, so every object's reverse managers and relations are served from what was loaded.
/// </summary>
internal static class PrefetchRunner
{
    /// <summary>
    /// Prefetches <paramref name="paths"/> for <paramref name="rows"/>, on <paramref name="lease"/> when given (a stream holding the
    /// connection), else on a connection acquired per query.
    /// </summary>
    public static async Task RunAsync<T>(RelGenDatabase database, List<T> rows, PrefetchPath[] paths, ConnectionLease? lease, CancellationToken cancellationToken)
        where T : class
    {
        if (paths.Length == 0 || rows.Count == 0)
            return;
        var parents = new LoadedSet<T>(rows);
        foreach (var hop in paths)
        {
            if (hop.Path.Parent is not null)
                continue;
            var query = hop.Query;
            List<PrefetchPath>? deeper = null;
            foreach (var other in paths)
            {
                if (other.Path.Depth > 1 && FirstHop(other.Path).Equals(hop.Path))
                    (deeper ??= []).Add(other with { Path = WithoutFirstHop(other.Path) });
            }
            await hop.Path.Relation.PrefetchAsync(database, parents, hop.Path.IsReverse, query, deeper is null ? [] : [.. deeper], lease, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static RelationPath FirstHop(RelationPath path) => path.Parent is null ? path : FirstHop(path.Parent);

    private static RelationPath WithoutFirstHop(RelationPath path)
        => path.Parent!.Parent is null ? new RelationPath(null, path.Relation, path.IsReverse) : new RelationPath(WithoutFirstHop(path.Parent), path.Relation, path.IsReverse);
}
