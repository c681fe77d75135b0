using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>
/// An object every row of a query may point at: the owner of a reverse manager. Each row that points at it gets it as its
/// related object (Django's known related objects), so <c>child.Parent</c> costs no query. It changes no SQL.
/// </summary>
internal abstract class KnownRelated
{
}

/// <inheritdoc cref="KnownRelated"/>
internal abstract class KnownRelated<TSource> : KnownRelated where TSource : class
{
    public abstract void Apply(TSource row);
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
}
