namespace RelGen.Tests.Django.Delete;

[Model(Table = "del_delete_bottom")]
public partial class DeleteBottom
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Restrict)]
    public partial B1 B1 { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial B2 B2 { get; set; }
    public override string ToString() => $"DeleteBottom {Id}";
}
