using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Models;

/// <summary>An identity-keyed model with a long version and a relation, for versioned set-based writes and manager moves.</summary>
[Model(Table = "w_ledger")]
public partial class Ledger
{
    public int Id { get; set; }
    [MaxLength(30)] public string Name { get; set; } = "";
    public decimal Balance { get; set; }
    [ConcurrencyCheck] public long Revision { get; set; }
    [ForeignKey(OnDelete = OnDelete.SetNull, RelatedName = "Ledgers", RelatedQueryName = "Ledger")]
    public partial Reporter? Keeper { get; set; }
    public override string ToString() => Name;
}
