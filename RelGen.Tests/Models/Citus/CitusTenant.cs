using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace RelGen.Tests.Models.Citus;

/// <summary>
/// The first table of a co-location group, with its own shard count. Its key column has capitals: Citus looks the
/// distribution column up by its exact name, so that one must not be quoted.
/// </summary>
[Model(Table = "cit_tenant"), DistributedBy(nameof(Id), ShardCount = 8)]
public partial class CitusTenant
{
    [Column("TenantKey")] public long Id { get; set; }
    [MaxLength(40)] public string Name { get; set; } = "";
    [ForeignKey] public partial CitusLand Land { get; set; }
}
