namespace RelGen.Tests.Django.Delete;

[Model(Table = "del_b")]
public partial class B
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Protect)]
    public partial R Protect { get; set; }
    public override string ToString() => $"B {Id}";
}
