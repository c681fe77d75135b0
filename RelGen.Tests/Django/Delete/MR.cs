namespace RelGen.Tests.Django.Delete;

[Model(Table = "del_mr")]
public partial class MR
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial M M { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial R R { get; set; }
}
