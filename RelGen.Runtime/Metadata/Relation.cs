using System.ComponentModel;
using RelGen.Execution;
using RelGen.Loading;
using RelGen.Query;

namespace RelGen.Metadata;

/// <summary>
/// A relation from <typeparamref name="TSource"/> to <typeparamref name="TTarget"/>, whose key is a <typeparamref name="TKey"/>:
/// one named, typed object per <c>[ForeignKey]</c> property, declared by the generated descriptor. Generated property
/// accessors call <see cref="Load"/> and <see cref="Set"/>; the runtime reads and writes its key and object typed.
/// </summary>
public sealed class Relation<TSource, TTarget, TKey> : RelationDescriptor<TSource, TTarget>, IRelationFrom<TSource>
    where TSource : class, IModel<TSource>
    where TTarget : class, IModel<TTarget>
    where TKey : notnull
{
    private readonly ModelDescriptor<TSource> _source;
    private readonly FieldRef<TSource, TTarget?> _related;
    private ModelDescriptor<TTarget, TKey>? _target;

    internal Relation(ModelDescriptor<TSource> source, string property, ColumnDescriptor column, FieldRef<TSource, TTarget?> related,
        OnDelete onDelete, string relatedName, string relatedQueryName, RelationKeys<TSource, TKey> keys)
        : base(source, property, column, onDelete, relatedName, relatedQueryName)
    {
        _source = source;
        _related = related;
        Keys = keys;
    }

    internal RelationKeys<TSource, TKey> Keys { get; }

    /// <summary>The target's descriptor, typed by its key (resolved on first use: models may point at each other).</summary>
    internal ModelDescriptor<TTarget, TKey> TargetModel => _target ??= (ModelDescriptor<TTarget, TKey>)TTarget.RelGenModel;

    internal ModelDescriptor<TSource> SourceModel => _source;

    /// <summary>
    /// The generated getter's load: the related object when the key points at one (loaded per the fetch mode of the query
    /// that loaded <paramref name="source"/>), null when the key is NULL.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public TTarget? Load(TSource source)
    {
        if (_related(source) is { } cached)
            return cached;
        if (!Keys.TryGet(source, out var key))
        {
            if (IsNullable)
                return null;
            Throw.RelationNotSet(this, source);
        }
        return RelationLoader.Load(this, source, key);
    }

    /// <summary>The generated setter: stores the object and keeps the key column in step.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void Set(TSource source, TTarget? value) => Assign(source, value);

    internal bool TryGetKey(TSource source, out TKey key) => Keys.TryGet(source, out key);

    internal override TTarget? Cached(TSource source) => _related(source);

    internal override void Attach(TSource source, TTarget? target) => _related(source) = target;

    internal override void Assign(TSource source, TTarget? target)
    {
        _related(source) = target;
        if (target is null)
            Keys.Clear?.Invoke(source);
        else if (TargetModel.HasKey(target))
            Keys.Set(source, TargetModel.GetKey(target));
    }

    internal override bool PointsAt(TSource source, TTarget owner)
        => Keys.TryGet(source, out var key) && EqualityComparer<TKey>.Default.Equals(key, TargetModel.GetKey(owner));

    internal override Predicate PointsAtFilter(TTarget owner)
        => new ComparePredicate<TKey>(new ColumnExpression<TKey>(Column.OwnRef), LookupOperator.Exact, TargetModel.GetKey(owner));

    internal override bool TryGetPrefetched(TTarget owner, out List<TSource> items)
    {
        items = null!;
        var cache = TargetModel.Context(owner)?.PrefetchedIfAny<Dictionary<TKey, List<TSource>>>(this);
        if (cache is null)
            return false;
        lock (cache)
            return cache.TryGetValue(TargetModel.GetKey(owner), out items!);
    }

    internal override void DropPrefetched(TTarget owner)
    {
        var cache = TargetModel.Context(owner)?.PrefetchedIfAny<Dictionary<TKey, List<TSource>>>(this);
        if (cache is null)
            return;
        lock (cache)
            cache.Remove(TargetModel.GetKey(owner));
    }

    internal override void PrepareSave(TSource source)
    {
        if (_related(source) is { } target)
        {
            if (!TargetModel.HasKey(target))
                Throw.UnsavedRelated(this, target);
            Keys.Set(source, TargetModel.GetKey(target));
        }
        else if (!IsNullable && !Keys.TryGet(source, out _))
        {
            Throw.RelationRequired(this);
        }
    }

    void IRelationFrom<TSource>.PrepareSave(TSource source) => PrepareSave(source);

    internal override Task PrefetchAsync(RelGenDatabase database, LoadedSet parents, bool reverse, QueryState? query,
        PrefetchPath[] deeper, ConnectionLease? lease, CancellationToken cancellationToken)
        => reverse
            ? Prefetcher.LoadReverseAsync(database, this, ((LoadedSet<TTarget>)parents).Items, query, deeper, lease, cancellationToken)
            : Prefetcher.LoadForwardAsync(database, this, ((LoadedSet<TSource>)parents).Items, query, deeper, lease, cancellationToken);
    void IRelationFrom<TSource>.Refreshed(TSource entity, TSource fresh)
    {
        if (_related(fresh) is { } loaded)
            _related(entity) = loaded;
        else if (_related(entity) is { } cached
            && (!Keys.TryGet(entity, out var key) || !EqualityComparer<TKey>.Default.Equals(key, TargetModel.GetKey(cached))))
            _related(entity) = null;
    }

    internal override async Task<List<object>> ReadBlockingAsync(RelGenDatabase database, ConnectionLease lease, KeySet parentKeys, CancellationToken cancellationToken)
    {
        var context = database.DefaultContext;
        var sql = $"{Save.ModelSql.For(Source).SelectAllColumns} WHERE {Column.QuotedName} = ANY($1)";
        await using var command = lease.CreateCommand(sql);
        command.Parameters.Add(parentKeys.ToParameter());
        await using var reader = await lease.ExecuteReaderAsync(command, cancellationToken).ConfigureAwait(false);
        var objects = new List<object>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            objects.Add(_source.Read(reader, 0, context));
        }
        return objects;
    }

    internal override IRowAttacher<TOwner> CreateAttacher<TOwner>(RelationPath path, RelationPath[] paths, int[] offsets, LoadContext context)
    {
        var loaded = context.ForLoaded<TTarget>();
        var children = new List<IRowAttacher<TTarget>>();
        foreach (var other in paths)
        {
            if (path.Equals(other.Parent))
                children.Add(other.Relation.CreateAttacher<TTarget>(other, paths, offsets, loaded));
        }
        IRowAttacher<TSource> attacher = new JoinedAttacher(this, offsets[Array.IndexOf(paths, path)], loaded, [.. children]);
        return (IRowAttacher<TOwner>)attacher;
    }

    internal override bool PointsInto(object source, KeySet parentKeys)
        => Keys.TryGet((TSource)source, out var key) && ((KeySet<TKey>)parentKeys).Contains(key);

    /// <summary>Reads the related object from its columns in the row (none when its key is NULL) and attaches it.</summary>
    private sealed class JoinedAttacher(Relation<TSource, TTarget, TKey> relation, int offset, LoadContext context, IRowAttacher<TTarget>[] children)
        : IRowAttacher<TSource>
    {
        private readonly int _keyOrdinal = offset + relation.TargetModel.Key.Ordinal;

        public void Attach(TSource owner, System.Data.Common.DbDataReader reader)
        {
            if (reader.IsDBNull(_keyOrdinal))
            {
                relation.Attach(owner, null);
                return;
            }
            var target = relation.TargetModel.Read(reader, offset, context);
            relation.Attach(owner, target);
            foreach (var child in children)
                child.Attach(target, reader);
        }
    }
}
