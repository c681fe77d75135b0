using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Integrity.Models;

[Model(Table = "race_item")]
public partial class RaceItem
{
    public int Id { get; set; }
    [MaxLength(40)] public string Name { get; set; } = "";
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial RaceCrate Crate { get; set; }
    public override string ToString() => Name;
}
