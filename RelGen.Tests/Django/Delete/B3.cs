namespace RelGen.Tests.Django.Delete;

[Model(Table = "del_b3")]
public partial class B3
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Restrict)]
    public partial R Restrict { get; set; }
    public override string ToString() => $"B3 {Id}";
}
