namespace RelGen.Tests.Integrity.Models;

/// <summary>Three levels below the top, restricted by <see cref="OrdBottom"/>.</summary>
[Model(Table = "ord_b1")]
public partial class OrdB1
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial OrdDeep Deep { get; set; }
    public override string ToString() => $"OrdB1 {Id}";
}
