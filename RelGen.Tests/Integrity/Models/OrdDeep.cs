namespace RelGen.Tests.Integrity.Models;

[Model(Table = "ord_deep")]
public partial class OrdDeep
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial OrdMid Mid { get; set; }
    public override string ToString() => $"OrdDeep {Id}";
}
