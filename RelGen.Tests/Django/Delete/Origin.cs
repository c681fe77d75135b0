namespace RelGen.Tests.Django.Delete;

[Model(Table = "del_origin")]
public partial class Origin
{
    public override string ToString() => $"Origin {Id}";
}
