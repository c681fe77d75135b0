using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Django.ManyToOne;

/// <summary>Django's Third, whose self-reference is named <c>third</c>; C# forbids a member named as its class, so here it is <see cref="Parent"/>.</summary>
[Model(Table = "m2o_third")]
public partial class Third
{
    public int Id { get; set; }
    [MaxLength(20)] public string Name { get; set; } = "";
    [ForeignKey(OnDelete = OnDelete.SetNull, RelatedName = "ChildSet", RelatedQueryName = "Child")]
    public partial Third? Parent { get; set; }
    public override string ToString() => Name;
}
