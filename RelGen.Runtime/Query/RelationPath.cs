using RelGen.Schema;

namespace RelGen.Query;

/// <summary>
/// A chain of relation hops from a query's model, e.g. <c>Article → Reporter</c>.
/// Lookup objects cache their children, so the same path is usually the same instance.
/// </summary>
public sealed class RelationPath : IEquatable<RelationPath>
{
    public RelationPath(RelationPath? parent, RelationMeta relation, bool isReverse)
    {
        Parent = parent;
        Relation = relation;
        IsReverse = isReverse;
        Depth = parent is null ? 1 : parent.Depth + 1;
        IsMultiValued = isReverse || (parent?.IsMultiValued ?? false);
    }

    public RelationPath? Parent { get; }

    public RelationMeta Relation { get; }

    /// <summary>True for a reverse hop (from the target back to the objects pointing at it).</summary>
    public bool IsReverse { get; }

    public int Depth { get; }

    /// <summary>True when this path or one before it is a reverse hop: it can match several rows.</summary>
    public bool IsMultiValued { get; }

    /// <summary>The model this path arrives at.</summary>
    public ModelMeta Model => IsReverse ? Relation.Source : Relation.Target;

    public bool Equals(RelationPath? other)
    {
        if (ReferenceEquals(this, other))
            return true;
        if (other is null || other.Relation != Relation || other.IsReverse != IsReverse)
            return false;
        return Parent is null ? other.Parent is null : Parent.Equals(other.Parent);
    }

    public override bool Equals(object? obj) => obj is RelationPath other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Parent?.GetHashCode() ?? 0, Relation, IsReverse);

    public override string ToString()
    {
        var name = IsReverse ? Relation.RelatedQueryName : Relation.Property;
        return Parent is null ? name : Parent + "." + name;
    }
}
