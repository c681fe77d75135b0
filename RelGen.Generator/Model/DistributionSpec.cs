namespace RelGen.Generator.Model;

/// <summary>
/// How Citus holds a model's table (<c>[ReferenceTable]</c> or <c>[DistributedBy]</c>); null on a plain model. Only the schema
/// step and the cross-model Citus checks read it, never the model's file.
/// </summary>
/// <param name="IsReference">True for <c>[ReferenceTable]</c>: one shard copied to every node.</param>
/// <param name="Property">The distribution property (<c>[DistributedBy(nameof(Id))]</c>); empty for a reference table.</param>
/// <param name="Column">Its column.</param>
/// <param name="SqlType">Its column's PostgreSQL type, which a co-located model's distribution column must share.</param>
/// <param name="ColocateWith">The fully qualified model named by <c>ColocateWith</c>, or null (a group of its own).</param>
/// <param name="ColocateWithName">That type's name as written, for messages.</param>
/// <param name="ShardCount">The <c>ShardCount</c>, 0 when not set.</param>
internal sealed record DistributionSpec(
    bool IsReference,
    string Property,
    string Column,
    string SqlType,
    string? ColocateWith,
    string? ColocateWithName,
    int ShardCount)
{
    public static DistributionSpec Reference { get; } = new(true, "", "", "", null, null, 0);
}
