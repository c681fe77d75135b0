namespace RelGen;

/// <summary>
/// Citus: the model's table is hash-distributed (sharded) on the named property's column:
/// <c>[Model, DistributedBy(nameof(Id))]</c>. Where the <c>citus</c> extension is installed, <c>CreateTablesAsync</c> and
/// migrations call <c>create_distributed_table</c> for it after creating the tables and before their foreign keys; on plain
/// PostgreSQL the attribute changes nothing.
/// <para>
/// Citus requires the primary key and every unique constraint to include the distribution column, and RelGen's keys are one
/// column, so today a distributed model is distributed by its key (a <c>long</c> one: an <c>int</c> identity is handed out
/// by the coordinator only). It may point at <see cref="ReferenceTableAttribute"/> models; relations between distributed
/// models need composite keys that include the distribution column, which are not built yet. The build reports every such
/// mistake, naming model and member. See docs/citus.md.
/// </para>
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DistributedByAttribute : Attribute
{
    /// <summary>Distributes the model's table on the column of <paramref name="property"/> (use <c>nameof</c>).</summary>
    public DistributedByAttribute(string property) => Property = property;

    /// <summary>The property whose column is the distribution column.</summary>
    public string Property { get; }

    /// <summary>
    /// A distributed model whose co-location group this table joins (<c>colocate_with</c>): rows with equal distribution
    /// values of both tables live on the same node. Its distribution column must have the same type. By default the table
    /// starts a group of its own (<c>colocate_with =&gt; 'none'</c>). A group is named after its first table, which is
    /// distributed before the others.
    /// </summary>
    public Type? ColocateWith { get; set; }

    /// <summary>
    /// The number of shards of a table that starts a co-location group (<c>shard_count</c>, 1 to 64000); left out, Citus's
    /// default (<c>citus.shard_count</c>). A table joining a group with <see cref="ColocateWith"/> has the group's.
    /// </summary>
    public int ShardCount { get; set; }
}
