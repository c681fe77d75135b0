using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>The reverse manager of a nullable relation: adds Django's <c>remove</c>, <c>clear</c> and <c>set</c>.</summary>
public abstract class NullableRelatedManager<TOwner, T, TLookup> : RelatedManager<TOwner, T, TLookup>
    where TOwner : class, IModel<TOwner>
    where T : class, IModel<T>
    where TLookup : ModelLookup
{
    /// <summary>Used by the generated manager.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected NullableRelatedManager(TOwner owner, RelationDescriptor<T, TOwner> relation)
        : base(owner, relation)
    {
    }

    /// <summary>
    /// Detaches the objects (their key becomes NULL) in one UPDATE. An object that is not related to the owner is refused
    /// with <see cref="DoesNotExistException"/> (Django's <c>DoesNotExist</c>) before anything is written.
    /// </summary>
    public Task RemoveAsync(params T[] objects) => RemoveAsync((IEnumerable<T>)objects, CancellationToken.None);

    /// <inheritdoc cref="RemoveAsync(T[])"/>
    public async Task RemoveAsync(IEnumerable<T> objects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objects);
        try
        {
            await ManagerWrites.RemoveAsync(Database, Owner, Relation, objects.ToList(), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            DropCache();
        }
    }

    /// <summary>Detaches every related object in one statement.</summary>
    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await ManagerWrites.ClearAsync<TOwner, T>(Database, Owner, Relation, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            DropCache();
        }
    }

    /// <summary>Makes <paramref name="objects"/> the related set: others are detached, these attached, in one UPDATE (unsaved ones are inserted too); atomically.</summary>
    public async Task SetAsync(IEnumerable<T> objects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var list = objects.ToList();
        try
        {
            await ManagerWrites.SetAsync(Database, Owner, Relation, list, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            DropCache();
        }
    }

    /// <summary>Evaluates <paramref name="query"/> first (it may be this manager's own), then sets the related set to its objects.</summary>
    public async Task SetAsync(QuerySet<T> query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var list = await QueryExecutor.ToListAsync<T>(Database, query.State, cancellationToken).ConfigureAwait(false);
        await SetAsync(list, cancellationToken).ConfigureAwait(false);
    }
}
