namespace RelGen.Tests.Django.Delete;

[Model(Table = "del_avatar")]
public partial class Avatar
{
    public int Id { get; set; }
    public string? Desc { get; set; }
    public override string ToString() => $"Avatar {Id}";
}
