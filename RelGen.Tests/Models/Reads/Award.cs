using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Models.Reads;

/// <summary>A second reverse relation of <see cref="Author"/>: joined beside books it would multiply their counts.</summary>
[Model(Table = "rd_award")]
public partial class Award
{
    public int Id { get; set; }
    [MaxLength(40)] public string Name { get; set; } = "";
    public short Year { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial Author Author { get; set; }
    public override string ToString() => Name;
}
