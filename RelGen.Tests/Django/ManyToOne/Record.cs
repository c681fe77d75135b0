namespace RelGen.Tests.Django.ManyToOne;

[Model(Table = "m2o_record")]
public partial class Record
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial Category Category { get; set; }
}
