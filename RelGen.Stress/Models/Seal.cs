using System.ComponentModel.DataAnnotations;

namespace RelGen.Stress.Models;

/// <summary>While it exists, its bin cannot be deleted (<see cref="RestrictedException"/>).</summary>
[Model(Table = "stress_seal")]
public partial class Seal
{
    public int Id { get; set; }
    [MaxLength(60)] public string Name { get; set; } = "";
    [ForeignKey(OnDelete = OnDelete.Restrict)]
    public partial Bin Bin { get; set; }
    public override string ToString() => Name;
}
