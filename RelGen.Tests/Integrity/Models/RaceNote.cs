using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Integrity.Models;

/// <summary>Points at an item and outlives it: its key is set to NULL.</summary>
[Model(Table = "race_note")]
public partial class RaceNote
{
    public int Id { get; set; }
    [MaxLength(40)] public string Text { get; set; } = "";
    [ForeignKey(OnDelete = OnDelete.SetNull)]
    public partial RaceItem? Item { get; set; }
    public override string ToString() => Text;
}
