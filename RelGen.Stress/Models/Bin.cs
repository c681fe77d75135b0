using System.ComponentModel.DataAnnotations;

namespace RelGen.Stress.Models;

[Model(Table = "stress_bin")]
public partial class Bin
{
    public int Id { get; set; }
    [MaxLength(60)] public string Name { get; set; } = "";
    /// <summary>The writer that created it and alone moves it.</summary>
    public int Owner { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial Depot Depot { get; set; }
    public override string ToString() => Name;
}
