namespace RelGen.Tests.Django.Delete;

[Model(Table = "del_t")]
public partial class T
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial S S { get; set; }
    public override string ToString() => $"T {Id}";
}
