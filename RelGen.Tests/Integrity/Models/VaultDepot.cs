using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Integrity.Models;

/// <summary>
/// The root of a tree like <see cref="RaceCrate"/>'s (depot → box → widget) that a protected relation (<see cref="VaultPermit"/>)
/// also reaches, so its deletes go through the collector.
/// </summary>
[Model(Table = "vault_depot")]
public partial class VaultDepot
{
    public int Id { get; set; }
    [MaxLength(40)] public string Name { get; set; } = "";
    public override string ToString() => Name;
}
