using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Integrity.Models;

/// <summary>Protects its depot: a depot with a permit cannot be deleted.</summary>
[Model(Table = "vault_permit")]
public partial class VaultPermit
{
    public int Id { get; set; }
    [MaxLength(40)] public string Name { get; set; } = "";
    [ForeignKey(OnDelete = OnDelete.Protect)]
    public partial VaultDepot Depot { get; set; }
    public override string ToString() => Name;
}
