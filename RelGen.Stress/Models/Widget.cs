using System.ComponentModel.DataAnnotations;

namespace RelGen.Stress.Models;

[Model(Table = "stress_widget")]
public partial class Widget
{
    public int Id { get; set; }
    [MaxLength(60)] public string Name { get; set; } = "";
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial Bin Bin { get; set; }
    public override string ToString() => Name;
}
