using System.ComponentModel.DataAnnotations;

namespace RelGen.Stress.Models;

[Model(Table = "stress_note")]
public partial class Note
{
    public int Id { get; set; }
    [MaxLength(60)] public string Name { get; set; } = "";
    [ForeignKey(OnDelete = OnDelete.SetNull)]
    public partial Item? Item { get; set; }
    public override string ToString() => Name;
}
