namespace RelGen.Tests.Django.Delete;

/// <summary>The top of Django's restrict diamond (its generic relations are left out).</summary>
[Model(Table = "del_delete_top")]
public partial class DeleteTop
{
    public override string ToString() => $"DeleteTop {Id}";
}
