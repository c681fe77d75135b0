namespace RelGen.Tests.Models.Citus;

/// <summary>Joins the tenant's co-location group; points at the reference table (allowed from a distributed table).</summary>
[Model(Table = "cit_invoice"), DistributedBy(nameof(Id), ColocateWith = typeof(CitusTenant))]
public partial class CitusInvoice
{
    public long Id { get; set; }
    public decimal Amount { get; set; }
    [ForeignKey(OnDelete = OnDelete.SetNull)] public partial CitusLand? Land { get; set; }
}
