namespace RelGen.Query;

/// <summary>Turns <c>SelectRelated</c>/<c>PrefetchRelated</c> lambdas into paths, refusing the wrong direction.</summary>
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

    public static RelationPath[] Reverse<TLookup>(TLookup root, Func<TLookup, ModelLookup>[] relations)
    {
        var paths = new RelationPath[relations.Length];
        for (var i = 0; i < relations.Length; i++)
        {
            var lookup = relations[i](root);
            var path = lookup.RelGenPath;
            if (path is not { IsReverse: true, Parent: null })
                throw new ArgumentException($"PrefetchRelated takes a reverse relation of the model itself; '{lookup}' is not one (use SelectRelated for forward relations).", nameof(relations));
            paths[i] = path;
        }
        return paths;
    }
}
