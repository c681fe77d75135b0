namespace RelGen.Tests.Django.Delete;

[Model(Table = "del_b1")]
public partial class B1
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial DeleteTop DeleteTop { get; set; }
    public override string ToString() => $"B1 {Id}";
}
