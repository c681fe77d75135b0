namespace RelGen.Tests.Integrity.Models;

/// <summary>Deleted with its top, and pointing at a middle row with DoNothing: it must go before the middle.</summary>
[Model(Table = "ord_tag")]
public partial class OrdTag
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial OrdTop Top { get; set; }
    [ForeignKey(OnDelete = OnDelete.DoNothing)]
    public partial OrdMid? Mid { get; set; }
    public override string ToString() => $"OrdTag {Id}";
}
