using System.ComponentModel;
using RelGen.Metadata;
using RelGen.Save;

namespace RelGen.Query;

/// <summary>
/// A reverse manager (<c>reporter.ArticleSet</c>): the query set of the objects pointing at one owner, plus <c>CreateAsync</c>
/// and <c>AddAsync</c>. The generator derives one per relation, adding a typed <c>CreateAsync(named parameters…)</c>.
/// After <c>PrefetchRelated</c> every terminal is served from what the prefetch loaded, until a write through the manager.
/// </summary>
public abstract class RelatedManager<TOwner, T, TLookup> : QuerySet<T, TLookup>, IAsyncEnumerable<T>
    where TOwner : class, IModel<TOwner>
    where T : class, IModel<T>
    where TLookup : ModelLookup
{
    /// <summary>Used by the generated manager.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected RelatedManager(TOwner owner, RelationDescriptor<T, TOwner> relation)
        : base(DatabaseOf(owner, relation), (TLookup)T.RelGenModel.Root, T.RelGenModel.AllRows
            .AddFilter(relation.PointsAtFilter(owner), exclude: false)
            .WithKnown(new KnownRelated<T, TOwner>(relation, owner))
            .WithRoute(TOwner.RelGenModel.Context(owner)?.Route))
    {
        Owner = owner;
        Relation = relation;
    }

    private protected TOwner Owner { get; }

    private protected RelationDescriptor<T, TOwner> Relation { get; }

    private static RelGenDatabase DatabaseOf(TOwner owner, RelationDescriptor<T, TOwner> relation)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var model = TOwner.RelGenModel;
        if (model.Context(owner) is { } context && model.HasKey(owner))
            return context.Database;
        throw new InvalidOperationException(
            $"'{model.Name}' instance ('{owner}') needs to be saved before its {relation.RelatedName} can be used.");
    }

    /// <summary>The related objects; served from <c>PrefetchRelated</c>'s cache when the owner has one.</summary>
    public new Task<List<T>> ToListAsync(CancellationToken cancellationToken = default)
        => Relation.TryGetPrefetched(Owner, out var items) ? Task.FromResult(new List<T>(items)) : base.ToListAsync(cancellationToken);

    /// <summary>How many related objects there are; from <c>PrefetchRelated</c>'s cache when the owner has one.</summary>
    public new Task<int> CountAsync(CancellationToken cancellationToken = default)
        => Relation.TryGetPrefetched(Owner, out var items) ? Task.FromResult(items.Count) : base.CountAsync(cancellationToken);

    /// <summary>True when there is a related object; from <c>PrefetchRelated</c>'s cache when the owner has one.</summary>
    public new Task<bool> ExistsAsync(CancellationToken cancellationToken = default)
        => Relation.TryGetPrefetched(Owner, out var items) ? Task.FromResult(items.Count > 0) : base.ExistsAsync(cancellationToken);

    /// <summary>The first related object in the manager's order, or null; from <c>PrefetchRelated</c>'s cache when the owner has one.</summary>
    public new Task<T?> FirstOrDefaultAsync(CancellationToken cancellationToken = default)
        => Relation.TryGetPrefetched(Owner, out var items) ? Task.FromResult(items.Count > 0 ? items[0] : null) : base.FirstOrDefaultAsync(cancellationToken);

    /// <summary>The one related object; from <c>PrefetchRelated</c>'s cache when the owner has one (throwing as a query would).</summary>
    public new Task<T> GetAsync(CancellationToken cancellationToken = default)
    {
        if (!Relation.TryGetPrefetched(Owner, out var items))
            return base.GetAsync(cancellationToken);
        return items.Count switch
        {
            1 => Task.FromResult(items[0]),
            0 => Task.FromException<T>(new DoesNotExistException(T.RelGenModel.Name)),
            _ => Task.FromException<T>(new MultipleObjectsReturnedException(T.RelGenModel.Name, items.Count)),
        };
    }

    /// <summary>Streams the related objects; from <c>PrefetchRelated</c>'s cache when the owner has one.</summary>
    public new IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        => Relation.TryGetPrefetched(Owner, out var items)
            ? new ListEnumerator<T>(items, cancellationToken)
            : base.GetAsyncEnumerator(cancellationToken);

    // Re-implemented so that what enumerates the manager as an IAsyncEnumerable (WithCancellation, ConfigureAwait, LINQ
    // operators) is served from the prefetched set too, not only `await foreach` bound to the method above.
    IAsyncEnumerator<T> IAsyncEnumerable<T>.GetAsyncEnumerator(CancellationToken cancellationToken) => GetAsyncEnumerator(cancellationToken);

    /// <summary>Points <paramref name="entity"/> at the owner, inserts it and returns it.</summary>
    public async Task<T> CreateAsync(T entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        Relation.Assign(entity, Owner);
        try
        {
            await Saver.SaveAsync(Database, entity, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            DropCache();
        }
        return entity;
    }

    /// <summary>Points each object at the owner and saves it: unsaved ones are inserted, saved ones move here in one UPDATE.</summary>
    public Task AddAsync(params T[] objects) => AddAsync((IEnumerable<T>)objects, CancellationToken.None);

    /// <inheritdoc cref="AddAsync(T[])"/>
    public async Task AddAsync(IEnumerable<T> objects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objects);
        try
        {
            await ManagerWrites.AddAsync(Database, Owner, Relation, objects.ToList(), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            DropCache();
        }
    }

    /// <summary>Forgets the prefetched set: it no longer reflects the database.</summary>
    private protected void DropCache() => Relation.DropPrefetched(Owner);
}
