using System;

namespace RelGen.Schema.Snapshots;

/// <summary>
/// How Citus holds a table (<c>[ReferenceTable]</c>, <c>[DistributedBy]</c>): a reference table copied to every node, or a
/// hash-distributed table with its distribution column, the first table of the co-location group it joins (null: it starts
/// one) and its shard count (0: Citus's default). A table without one is a plain PostgreSQL table. Immutable.
/// </summary>
public sealed class DistributionSnapshot : IEquatable<DistributionSnapshot>
{
    /// <summary>Citus's limit on <c>shard_count</c>.</summary>
    public const int MaxShardCount = 64000;

    private DistributionSnapshot(bool isReference, string? column, string? colocateWith, int shardCount)
    {
        IsReference = isReference;
        Column = column;
        ColocateWith = colocateWith;
        ShardCount = shardCount;
    }

    /// <summary>A reference table.</summary>
    public static DistributionSnapshot Reference { get; } = new(true, null, null, 0);

    /// <summary>A table distributed on <paramref name="column"/>, joining the group of <paramref name="colocateWith"/> or starting one.</summary>
    public static DistributionSnapshot Distributed(string column, string? colocateWith = null, int shardCount = 0)
    {
        Names.Require(column, "distribution column");
        if (colocateWith is not null)
            Names.Require(colocateWith, "co-located table");
        if (shardCount < 0 || shardCount > MaxShardCount)
            throw new ArgumentException($"The shard count {shardCount} is outside 1 .. {MaxShardCount} (0: Citus's default).");
        if (shardCount > 0 && colocateWith is not null)
            throw new ArgumentException("A table that joins a co-location group has the group's shard count; it cannot set its own.");
        return new DistributionSnapshot(false, column, colocateWith, shardCount);
    }

    public bool IsReference { get; }

    /// <summary>The distribution column; null for a reference table.</summary>
    public string? Column { get; }

    /// <summary>The first table of the co-location group this table joins; null when it starts one (or is a reference table).</summary>
    public string? ColocateWith { get; }

    /// <summary>The shard count of a table that starts a group; 0 for Citus's default.</summary>
    public int ShardCount { get; }

    /// <summary>
    /// Where the table is distributed among the others (Citus wants a group's first table before the tables joining it):
    /// 0 reference tables, 1 tables starting a co-location group, 2 tables joining one.
    /// </summary>
    public int Order => IsReference ? 0 : ColocateWith is null ? 1 : 2;

    internal DistributionSnapshot Renamed(Func<string, string> column, Func<string, string> table)
        => IsReference ? this : Distributed(column(Column!), ColocateWith is null ? null : table(ColocateWith), ShardCount);

    public bool Equals(DistributionSnapshot? other)
        => other is not null && IsReference == other.IsReference && Column == other.Column && ColocateWith == other.ColocateWith && ShardCount == other.ShardCount;

    public override bool Equals(object? obj) => Equals(obj as DistributionSnapshot);

    public override int GetHashCode() => (IsReference, Column, ColocateWith, ShardCount).GetHashCode();

    /// <summary>E.g. <c>reference table</c>, <c>distributed by tenant_id, co-located with tenant</c>.</summary>
    public override string ToString()
        => IsReference
            ? "reference table"
            : "distributed by " + Column + (ColocateWith is null ? ", a co-location group of its own" : ", co-located with " + ColocateWith)
              + (ShardCount > 0 ? ", " + ShardCount + " shards" : "");
}
