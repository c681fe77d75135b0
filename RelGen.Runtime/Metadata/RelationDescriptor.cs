using RelGen.Query;

namespace RelGen.Metadata;

/// <summary>
/// A many-to-one relation: <see cref="Source"/>.<see cref="Property"/> points at <see cref="Target"/> through the key column
/// <see cref="Column"/>. The generator declares each as a typed <see cref="Relation{TSource, TTarget, TKey}"/>; this view is
/// what schema, SQL and delete planning read.
/// </summary>
public abstract class RelationDescriptor
{
    private protected RelationDescriptor(ModelDescriptor source, string property, ColumnDescriptor column, OnDelete onDelete,
        string relatedName, string relatedQueryName)
    {
        Source = source;
        Property = property;
        Column = column;
        OnDelete = onDelete;
        RelatedName = relatedName;
        RelatedQueryName = relatedQueryName;
    }

    /// <summary>The model holding the key column.</summary>
    public ModelDescriptor Source { get; }

    /// <summary>The relation property, e.g. <c>Reporter</c>.</summary>
    public string Property { get; }

    /// <summary>The key column on <see cref="Source"/>, e.g. <c>reporter_id</c>.</summary>
    public ColumnDescriptor Column { get; }

    /// <summary>The model pointed at.</summary>
    public abstract ModelDescriptor Target { get; }

    /// <summary>What deleting a target does to the objects pointing at it.</summary>
    public OnDelete OnDelete { get; }

    /// <summary>The reverse manager's name on the target, e.g. <c>ArticleSet</c>.</summary>
    public string RelatedName { get; }

    /// <summary>The reverse lookup's name on the target, e.g. <c>Article</c>.</summary>
    public string RelatedQueryName { get; }

    /// <summary>True for a nullable relation (<c>Reporter?</c>).</summary>
    public bool IsNullable => Column.IsNullable;

    /// <summary>
    /// One <c>PrefetchRelated</c> hop over this relation, in one query: <paramref name="reverse"/>, the objects pointing at each
    /// of <paramref name="parents"/> (objects of <see cref="Target"/>), cached for the parents' reverse managers; forward, the
    /// object each parent (an object of <see cref="Source"/>) points at, attached to it. <paramref name="query"/> reads them
    /// instead of the model's plain query; <paramref name="deeper"/> are the nested paths below this hop.
    /// </summary>
    internal abstract Task PrefetchAsync(RelGenDatabase database, Loading.LoadedSet parents, bool reverse, QueryState? query,
        Loading.PrefetchPath[] deeper, Execution.ConnectionLease? lease, CancellationToken cancellationToken);

    /// <summary>Reads the objects of <see cref="Source"/> pointing at <paramref name="parentKeys"/> (keys of <see cref="Target"/>): what may block a Protect or Restrict delete.</summary>
    internal abstract Task<List<object>> ReadBlockingAsync(RelGenDatabase database, Execution.ConnectionLease lease, KeySet parentKeys, CancellationToken cancellationToken);

    /// <summary>
    /// The attacher of this relation's select-related object (path <paramref name="path"/>, one of <paramref name="paths"/>)
    /// to its owner, a <typeparamref name="TOwner"/> (this relation's source), with attachers for the paths below it.
    /// </summary>
    internal abstract IRowAttacher<TOwner> CreateAttacher<TOwner>(RelationPath path, RelationPath[] paths, int[] offsets, LoadContext context)
        where TOwner : class;

    /// <summary>True when the key column of <paramref name="source"/> (an object of <see cref="Source"/>) holds one of <paramref name="parentKeys"/>.</summary>
    internal abstract bool PointsInto(object source, KeySet parentKeys);

    /// <inheritdoc />
    public override string ToString() => Source.Name + "." + Property;
}
