using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Django.Delete;

/// <summary>RelGen's addition: a self-referencing cascade (Django's delete tests have none), with a restricted side relation.</summary>
[Model(Table = "del_tree_node")]
public partial class TreeNode
{
    public int Id { get; set; }
    [MaxLength(20)] public string Name { get; set; } = "";
    [ForeignKey(OnDelete = OnDelete.Cascade, RelatedName = "Children", RelatedQueryName = "Child")]
    public partial TreeNode? Parent { get; set; }
    [ForeignKey(OnDelete = OnDelete.Restrict, RelatedName = "Links", RelatedQueryName = "Link")]
    public partial TreeNode? LinkedTo { get; set; }
    public override string ToString() => Name;
}
