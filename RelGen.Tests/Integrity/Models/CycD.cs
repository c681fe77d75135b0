namespace RelGen.Tests.Integrity.Models;

[Model(Table = "cyc_d")]
public partial class CycD
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial CycRoot Root { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial CycC? Partner { get; set; }
    public override string ToString() => $"CycD {Id}";
}
