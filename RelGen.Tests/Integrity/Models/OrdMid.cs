namespace RelGen.Tests.Integrity.Models;

[Model(Table = "ord_mid")]
public partial class OrdMid
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial OrdTop Top { get; set; }
    public override string ToString() => $"OrdMid {Id}";
}
