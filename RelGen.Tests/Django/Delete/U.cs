namespace RelGen.Tests.Django.Delete;

[Model(Table = "del_u")]
public partial class U
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial T T { get; set; }
    public override string ToString() => $"U {Id}";
}
