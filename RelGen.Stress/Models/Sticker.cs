using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace RelGen.Stress.Models;

[Model(Table = "stress_sticker")]
public partial class Sticker
{
    public int Id { get; set; }
    [MaxLength(60)] public string Name { get; set; } = "";
    [ForeignKey(OnDelete = OnDelete.SetDefault), DefaultValue(Crate.HomeKey)]
    public partial Crate Crate { get; set; }
    public override string ToString() => Name;
}
