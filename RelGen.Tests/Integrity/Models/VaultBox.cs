using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Integrity.Models;

[Model(Table = "vault_box")]
public partial class VaultBox
{
    public int Id { get; set; }
    [MaxLength(40)] public string Name { get; set; } = "";
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial VaultDepot Depot { get; set; }
    public override string ToString() => Name;
}
