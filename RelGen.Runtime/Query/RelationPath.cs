using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>
/// A chain of relation hops from a query's model, e.g. <c>Article → Reporter</c>. Two paths over the same hops are equal,
/// so a path is a value-free part of a query's shape.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RelationPath : IEquatable<RelationPath>
{
    private readonly int _hash;

    internal RelationPath(RelationPath? parent, RelationDescriptor relation, bool isReverse)
    {
        Parent = parent;
        Relation = relation;
        IsReverse = isReverse;
        Depth = parent is null ? 1 : parent.Depth + 1;
        IsMultiValued = isReverse || (parent?.IsMultiValued ?? false);
        _hash = HashCode.Combine(parent?._hash ?? 0, relation, isReverse);
    }

    /// <summary>The hops before the last one; null for a single hop.</summary>
    public RelationPath? Parent { get; }

    /// <summary>The last hop's relation.</summary>
    public RelationDescriptor Relation { get; }

    /// <summary>True for a reverse hop (from the target back to the objects pointing at it).</summary>
    public bool IsReverse { get; }

    /// <summary>The number of hops.</summary>
    public int Depth { get; }

    /// <summary>True when this path or one before it is a reverse hop: it can match several rows.</summary>
    public bool IsMultiValued { get; }

    /// <summary>The model this path arrives at.</summary>
    public ModelDescriptor Model => IsReverse ? Relation.Source : Relation.Target;

    /// <inheritdoc />
    public bool Equals(RelationPath? other)
    {
        if (ReferenceEquals(this, other))
            return true;
        if (other is null || other._hash != _hash || other.Relation != Relation || other.IsReverse != IsReverse)
            return false;
        return Parent is null ? other.Parent is null : Parent.Equals(other.Parent);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RelationPath other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    /// <inheritdoc />
    public override string ToString()
    {
        var name = IsReverse ? Relation.RelatedQueryName : Relation.Property;
        return Parent is null ? name : Parent + "." + name;
    }
}
