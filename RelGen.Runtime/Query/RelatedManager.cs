using RelGen.Save;
using RelGen.Schema;

namespace RelGen.Query;

/// <summary>
/// A reverse manager (<c>reporter.ArticleSet</c>): the query set of the objects pointing at one owner,
/// plus <c>CreateAsync</c> and <c>AddAsync</c>. The generator derives one per relation, adding a typed
/// <c>CreateAsync(named parameters…)</c>.
/// </summary>
public abstract class RelatedManager<TOwner, T, TLookup> : QuerySet<T, TLookup>
    where TOwner : class, IModel<TOwner>
    where T : class, IModel<T>
    where TLookup : ModelLookup
{
    protected RelatedManager(TOwner owner, RelationMeta relation, TLookup root, Func<TLookup, TOwner, Predicate> ownerFilter)
        : base(DatabaseOf(owner, relation), root, T.Meta.AllRows
            .AddFilter(ownerFilter(root, owner), exclude: false)
            .WithKnown(new KnownRelated(relation, owner, TOwner.Meta.GetKey(owner))))
    {
        Owner = owner;
        Relation = relation;
    }

    /// <summary>The object this manager's objects point at.</summary>
    protected TOwner Owner { get; }

    /// <summary>The relation this manager walks backwards.</summary>
    protected RelationMeta Relation { get; }

    private static RelGenDatabase DatabaseOf(TOwner owner, RelationMeta relation)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (((IModel)owner).RelGenDatabase is { } database && TOwner.Meta.IsSaved(owner))
            return database;
        throw new InvalidOperationException(
            $"'{TOwner.Meta.ClassName}' instance ('{owner}') needs to be saved before its {relation.RelatedName} can be used.");
    }

    /// <summary>The related objects; served from <c>PrefetchRelated</c>'s cache when the owner has one.</summary>
    public new Task<List<T>> ToListAsync(CancellationToken cancellationToken = default)
    {
        if (((IModel)Owner).RelGenExtras?.Prefetched is { } cache && cache.TryGetValue(Relation, out var items))
        {
            var list = (List<object>)items;
            var result = new List<T>(list.Count);
            foreach (var item in list)
                result.Add((T)item);
            return Task.FromResult(result);
        }
        return base.ToListAsync(cancellationToken);
    }

    /// <summary>Points <paramref name="entity"/> at the owner, inserts it and returns it.</summary>
    public async Task<T> CreateAsync(T entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        Attach(entity);
        await Saver.SaveAsync(Database, entity, async: true, cancellationToken).ConfigureAwait(false);
        DropCache();
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
            await ManagerWrites.AddAsync(Database, Owner, Relation, objects.ToList(), async: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            DropCache();
        }
    }

    /// <summary>Sets the relation of <paramref name="entity"/> to the owner, in memory.</summary>
    private void Attach(T entity) => T.Meta.SetRelated(entity, Relation.Index, Owner);

    /// <summary>Forgets the prefetched set: it no longer reflects the database.</summary>
    protected void DropCache() => ((IModel)Owner).RelGenExtras?.Prefetched?.Remove(Relation);
}
