using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Models.Reads;

/// <summary>Two hops below <see cref="Author"/>: nested aggregates and nested prefetch.</summary>
[Model(Table = "rd_review"), Ordering("-Stars")]
public partial class Review
{
    public int Id { get; set; }
    public int Stars { get; set; }
    [MaxLength(80)] public string Text { get; set; } = "";
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial Book Book { get; set; }
    public override string ToString() => Text;
}
