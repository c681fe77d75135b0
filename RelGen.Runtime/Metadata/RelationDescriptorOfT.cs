using RelGen.Query;

namespace RelGen.Metadata;

/// <summary>
/// A relation from <typeparamref name="TSource"/> to <typeparamref name="TTarget"/> whatever its key type: what reverse
/// managers and row materialisation hold. The only implementation is <see cref="Relation{TSource, TTarget, TKey}"/>.
/// </summary>
public abstract class RelationDescriptor<TSource, TTarget> : RelationDescriptor
    where TSource : class, IModel<TSource>
    where TTarget : class, IModel<TTarget>
{
    private protected RelationDescriptor(ModelDescriptor source, string property, ColumnDescriptor column, OnDelete onDelete,
        string relatedName, string relatedQueryName)
        : base(source, property, column, onDelete, relatedName, relatedQueryName)
    {
    }

    /// <inheritdoc />
    public sealed override ModelDescriptor Target => TTarget.RelGenModel;

    /// <summary>The related object held by <paramref name="source"/>, without loading it.</summary>
    internal abstract TTarget? Cached(TSource source);

    /// <summary>Stores a loaded related object, leaving the key as it is (it already matches).</summary>
    internal abstract void Attach(TSource source, TTarget? target);

    /// <summary>Points <paramref name="source"/> at <paramref name="target"/>: object and key.</summary>
    internal abstract void Assign(TSource source, TTarget? target);

    /// <summary>True when <paramref name="source"/>'s key column holds <paramref name="owner"/>'s key.</summary>
    internal abstract bool PointsAt(TSource source, TTarget owner);

    /// <summary>The condition "points at <paramref name="owner"/>" on the source's own key column (a reverse manager's filter).</summary>
    internal abstract Predicate PointsAtFilter(TTarget owner);

    /// <summary>The objects <c>PrefetchRelated</c> loaded for <paramref name="owner"/>, when it did.</summary>
    internal abstract bool TryGetPrefetched(TTarget owner, out List<TSource> items);

    /// <summary>Forgets what <c>PrefetchRelated</c> loaded for <paramref name="owner"/>: a write made it stale.</summary>
    internal abstract void DropPrefetched(TTarget owner);

    /// <summary>Refuses a relation that points at an unsaved object or, when required, at nothing; brings the key in step with the object.</summary>
    internal abstract void PrepareSave(TSource source);
}
