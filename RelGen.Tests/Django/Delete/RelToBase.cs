namespace RelGen.Tests.Django.Delete;

[Model(Table = "del_rel_to_base")]
public partial class RelToBase
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.DoNothing)]
    public partial Base Base { get; set; }
}
