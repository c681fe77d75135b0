using System.ComponentModel.DataAnnotations;

namespace RelGen.Stress.Models;

/// <summary>While it exists, its depot cannot be deleted (<see cref="ProtectedException"/>).</summary>
[Model(Table = "stress_permit")]
public partial class Permit
{
    public int Id { get; set; }
    [MaxLength(60)] public string Name { get; set; } = "";
    [ForeignKey(OnDelete = OnDelete.Protect)]
    public partial Depot Depot { get; set; }
    public override string ToString() => Name;
}
