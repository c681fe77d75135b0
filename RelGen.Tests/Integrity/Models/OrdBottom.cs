namespace RelGen.Tests.Integrity.Models;

/// <summary>Two levels below the top through <see cref="OrdB2"/>, and restricting <see cref="OrdB1"/>: it must go first.</summary>
[Model(Table = "ord_bottom")]
public partial class OrdBottom
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Restrict)]
    public partial OrdB1 B1 { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial OrdB2 B2 { get; set; }
    public override string ToString() => $"OrdBottom {Id}";
}
