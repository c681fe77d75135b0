namespace RelGen.Tests.Integrity.Models;

[Model(Table = "cyc_a")]
public partial class CycA
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial CycRoot Root { get; set; }
    [ForeignKey(OnDelete = OnDelete.DoNothing)]
    public partial CycB? Partner { get; set; }
    public override string ToString() => $"CycA {Id}";
}
