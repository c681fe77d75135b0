namespace RelGen.Tests.Django.Delete;

[Model(Table = "del_base")]
public partial class Base
{
    public override string ToString() => $"Base {Id}";
}
