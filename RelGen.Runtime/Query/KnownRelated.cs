using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>
/// An object every row of a query may point at: the owner of a reverse manager. Each row that points at it gets it as its
/// related object (Django's known related objects), so <c>child.Parent</c> costs no query. It changes no SQL. Writes through
/// the manager point new objects at it (<see cref="KnownRelated{TSource}.Adopt"/>) and drop its prefetched set.
/// </summary>
internal abstract class KnownRelated
{
    /// <summary>A write through the manager changed the related set: what <c>PrefetchRelated</c> loaded for the owner is stale.</summary>
    public abstract void Changed();
}

/// <inheritdoc cref="KnownRelated"/>
internal abstract class KnownRelated<TSource> : KnownRelated where TSource : class
{
    public abstract void Apply(TSource row);

    /// <summary>Points a new object at the owner (a manager's create: Django sets the relation).</summary>
    public abstract void Adopt(TSource row);
}

/// <inheritdoc cref="KnownRelated"/>
internal sealed class KnownRelated<TSource, TTarget>(RelationDescriptor<TSource, TTarget> relation, TTarget owner) : KnownRelated<TSource>
    where TSource : class, IModel<TSource>
    where TTarget : class, IModel<TTarget>
{
    public override void Apply(TSource row)
    {
        if (relation.PointsAt(row, owner))
            relation.Attach(row, owner);
    }

    public override void Adopt(TSource row) => relation.Assign(row, owner);

    public override void Changed() => relation.DropPrefetched(owner);
}
