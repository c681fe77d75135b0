namespace RelGen.Tests.Django.Delete;

[Model(Table = "del_b2")]
public partial class B2
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial DeleteTop DeleteTop { get; set; }
    public override string ToString() => $"B2 {Id}";
}
