namespace RelGen.Tests.Django.ManyToOne;

[Model(Table = "m2o_child_nullable_parent")]
public partial class ChildNullableParent
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial Parent? Parent { get; set; }
}
