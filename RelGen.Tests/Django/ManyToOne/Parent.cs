using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Django.ManyToOne;

/// <summary>Django's Parent: points at its favourite <see cref="Child"/> while children point at it (models pointing at each other).</summary>
[Model(Table = "m2o_parent")]
public partial class Parent
{
    public int Id { get; set; }
    [MaxLength(20)] public string Name { get; set; } = "";
    [ForeignKey(OnDelete = OnDelete.SetNull, RelatedName = "FavoredBy", RelatedQueryName = "FavoredBy")]
    public partial Child? Bestchild { get; set; }
    public override string ToString() => Name;
}
