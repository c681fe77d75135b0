namespace RelGen.Tests.Models.Citus;

/// <summary>Co-located with the invoice, so with the group the tenant starts: its Citus call names the tenant.</summary>
[Model(Table = "cit_payment"), DistributedBy(nameof(Id), ColocateWith = typeof(CitusInvoice))]
public partial class CitusPayment
{
    public long Id { get; set; }
    public decimal Amount { get; set; }
}
