namespace RelGen.Tests.Django.ManyToOne;

[Model(Table = "m2o_child_string_pk_parent")]
public partial class ChildStringPrimaryKeyParent
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial ParentStringPrimaryKey Parent { get; set; }
}
