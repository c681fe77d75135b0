using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Integrity.Models;

[Model(Table = "vault_widget")]
public partial class VaultWidget
{
    public int Id { get; set; }
    [MaxLength(40)] public string Name { get; set; } = "";
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial VaultBox Box { get; set; }
    public override string ToString() => Name;
}
