namespace RelGen.Tests.Django.ManyToOne;

/// <summary>Two relations to the same model; Django's <c>related_name</c> names both the manager and the lookup.</summary>
[Model(Table = "m2o_relation")]
public partial class Relation
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade, RelatedName = "LeftSet", RelatedQueryName = "LeftSet")]
    public partial Record Left { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade, RelatedName = "RightSet", RelatedQueryName = "RightSet")]
    public partial Record Right { get; set; }
}
