namespace RelGen.Tests.Integrity.Models;

[Model(Table = "ord_b2")]
public partial class OrdB2
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial OrdTop Top { get; set; }
    public override string ToString() => $"OrdB2 {Id}";
}
