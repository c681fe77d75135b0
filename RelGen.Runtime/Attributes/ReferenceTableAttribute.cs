namespace RelGen;

/// <summary>
/// Citus: the model's table is a reference table, one shard copied to every node, for small shared data that every
/// distributed table may point at (countries, categories). Where the <c>citus</c> extension is installed,
/// <c>CreateTablesAsync</c> and migrations call <c>create_reference_table</c> for it after creating the tables and before
/// their foreign keys; on plain PostgreSQL the attribute changes nothing. A reference model may point at reference and plain
/// models, never at a <see cref="DistributedByAttribute"/> one (the build says so). See docs/citus.md.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReferenceTableAttribute : Attribute
{
}
