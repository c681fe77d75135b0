using System.ComponentModel.DataAnnotations;

namespace RelGen.Stress.Models;

[Model(Table = "stress_item")]
public partial class Item
{
    public int Id { get; set; }
    [MaxLength(60)] public string Name { get; set; } = "";
    /// <summary>The writer that created it: only that writer moves it, so its expected crate is known.</summary>
    public int Owner { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial Crate Crate { get; set; }
    public override string ToString() => Name;
}
