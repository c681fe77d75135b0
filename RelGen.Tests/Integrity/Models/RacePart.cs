using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Integrity.Models;

[Model(Table = "race_part")]
public partial class RacePart
{
    public int Id { get; set; }
    [MaxLength(40)] public string Name { get; set; } = "";
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial RaceItem Item { get; set; }
    public override string ToString() => Name;
}
