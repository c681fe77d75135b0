namespace RelGen.Tests.Integrity.Models;

[Model(Table = "cyc_c")]
public partial class CycC
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial CycRoot Root { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial CycD? Partner { get; set; }
    public override string ToString() => $"CycC {Id}";
}
