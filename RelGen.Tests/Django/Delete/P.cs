namespace RelGen.Tests.Django.Delete;

/// <summary>Django's P: a model with nothing but its (generated) key.</summary>
[Model(Table = "del_p")]
public partial class P
{
    public override string ToString() => $"P {Id}";
}
