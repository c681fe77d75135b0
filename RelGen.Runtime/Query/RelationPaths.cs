using RelGen.Loading;

namespace RelGen.Query;

/// <summary>Turns <c>SelectRelated</c>/<c>PrefetchRelated</c> lambdas into paths, refusing what cannot be loaded that way.</summary>
internal static class RelationPaths
{
    public static RelationPath[] Forward<TLookup>(TLookup root, Func<TLookup, ModelLookup>[] relations, string method)
    {
        var paths = new RelationPath[relations.Length];
        for (var i = 0; i < relations.Length; i++)
        {
            var lookup = relations[i](root);
            var path = lookup.RelGenPath;
            if (path is null || path.IsMultiValued)
                throw new ArgumentException($"{method} takes forward relations only; '{lookup}' is {(path is null ? "the model itself" : "a reverse relation: use PrefetchRelated")}.", nameof(relations));
            paths[i] = path;
        }
        return paths;
    }

    /// <summary>Prefetch paths: any relation, forward or reverse, at any depth (<c>r =&gt; r.Article.Comment</c>, <c>a =&gt; a.Reporter</c>).</summary>
    public static PrefetchPath[] Prefetch<TLookup>(TLookup root, Func<TLookup, ModelLookup>[] relations)
    {
        var paths = new PrefetchPath[relations.Length];
        for (var i = 0; i < relations.Length; i++)
            paths[i] = new PrefetchPath(PathOf(relations[i](root)), null);
        return paths;
    }

    public static RelationPath PathOf(ModelLookup lookup)
        => lookup.RelGenPath ?? throw new ArgumentException($"PrefetchRelated takes a relation; '{lookup}' is the model itself.");
}
