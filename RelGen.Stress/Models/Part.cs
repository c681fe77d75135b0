using System.ComponentModel.DataAnnotations;

namespace RelGen.Stress.Models;

[Model(Table = "stress_part")]
public partial class Part
{
    public int Id { get; set; }
    [MaxLength(60)] public string Name { get; set; } = "";
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial Item Item { get; set; }
    public override string ToString() => Name;
}
