namespace RelGen.Tests.Django.Delete;

[Model(Table = "del_s")]
public partial class S
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial R R { get; set; }
    public override string ToString() => $"S {Id}";
}
