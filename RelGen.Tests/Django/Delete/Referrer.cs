namespace RelGen.Tests.Django.Delete;

[Model(Table = "del_referrer")]
public partial class Referrer
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial Origin Origin { get; set; }
    public int UniqueField { get; set; }
    public string LargeField { get; set; } = "";
}
