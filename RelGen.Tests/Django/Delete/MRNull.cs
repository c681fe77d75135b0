namespace RelGen.Tests.Django.Delete;

[Model(Table = "del_mr_null")]
public partial class MRNull
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial M M { get; set; }
    [ForeignKey(OnDelete = OnDelete.SetNull)]
    public partial R? R { get; set; }
}
