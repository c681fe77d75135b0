using RelGen.Loading;

namespace RelGen.Query;

public partial class QuerySet<T, TLookup>
{
    /// <summary>
    /// Prefetches <paramref name="relation"/> with <paramref name="query"/> (Django's <c>Prefetch(lookup, queryset=…)</c>): only
    /// its objects, in its order, with its own <c>SelectRelated</c>/<c>PrefetchRelated</c>; a reverse manager then serves
    /// exactly those. <c>PrefetchRelated(r =&gt; r.Article, Article.Objects(db).Filter(a =&gt; a.Views &gt; 10).OrderBy(a =&gt; a.Views.Desc()))</c>.
    /// </summary>
    public QuerySet<T, TLookup> PrefetchRelated<TRelated, TKey>(Func<TLookup, ModelLookup<TRelated, TKey>> relation, QuerySet<TRelated> query)
        where TRelated : class, IModel<TRelated>
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(relation);
        ArgumentNullException.ThrowIfNull(query);
        if (query.State.IsSliced)
            throw new ArgumentException($"A prefetch's query set cannot be sliced (Take/Skip): it reads the related objects of every {State.Model.Name}.", nameof(query));
        return With(State.WithPrefetch([new PrefetchPath(RelationPaths.PathOf(relation(Root)), query.State)]));
    }

    /// <summary>
    /// Loads <paramref name="relations"/> of objects already in memory, asynchronously, one query per relation hop (Django's
    /// <c>prefetch_related_objects</c>): afterwards <c>a.Reporter</c> costs no query and <c>r.ArticleSet</c> is served from what
    /// was loaded. The query set's own filters play no part.
    /// </summary>
    public Task LoadRelatedAsync(IEnumerable<T> objects, params Func<TLookup, ModelLookup>[] relations)
        => LoadRelatedAsync(objects, RelationPaths.Prefetch(Root, relations), CancellationToken.None);

    /// <inheritdoc cref="LoadRelatedAsync(IEnumerable{T}, Func{TLookup, ModelLookup}[])"/>
    public Task LoadRelatedAsync(T obj, params Func<TLookup, ModelLookup>[] relations)
        => LoadRelatedAsync([obj], RelationPaths.Prefetch(Root, relations), CancellationToken.None);

    /// <inheritdoc cref="LoadRelatedAsync(IEnumerable{T}, Func{TLookup, ModelLookup}[])"/>
    public Task LoadRelatedAsync(IEnumerable<T> objects, Func<TLookup, ModelLookup> relation, CancellationToken cancellationToken)
        => LoadRelatedAsync(objects, RelationPaths.Prefetch(Root, [relation]), cancellationToken);

    private Task LoadRelatedAsync(IEnumerable<T> objects, PrefetchPath[] paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var list = objects.ToList();
        var model = T.RelGenModel;
        foreach (var entity in list)
        {
            ArgumentNullException.ThrowIfNull(entity, nameof(objects));
            ref var context = ref model.Context(entity);
            if (context is null || !model.HasKey(entity))
                throw new InvalidOperationException($"'{model.Name}' instance ('{entity}') needs to be saved before its relations can be loaded.");
            // Objects of plain queries share the database's context: what is loaded for them needs a place of their own.
            if (Database.IsSharedContext(context))
                context = new Metadata.LoadContext(Database, mode: null, peers: null, context.Route);
        }
        return PrefetchRunner.RunAsync(Database, list, State.WithPrefetch(paths).Prefetch, null, cancellationToken);
    }
}
