using RelGen.Schema;

namespace RelGen.Query;

/// <summary>An object every row of a query points at through <see cref="Relation"/>: the owner of a reverse manager.</summary>
internal sealed class KnownRelated(RelationMeta relation, object owner, object ownerKey)
{
    public RelationMeta Relation { get; } = relation;

    public object Owner { get; } = owner;

    /// <summary>The owner's key, boxed once, to compare with each row's key column.</summary>
    public object OwnerKey { get; } = ownerKey;
}
