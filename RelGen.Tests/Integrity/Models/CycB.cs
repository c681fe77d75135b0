namespace RelGen.Tests.Integrity.Models;

[Model(Table = "cyc_b")]
public partial class CycB
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial CycRoot Root { get; set; }
    [ForeignKey(OnDelete = OnDelete.DoNothing)]
    public partial CycA? Partner { get; set; }
    public override string ToString() => $"CycB {Id}";
}
