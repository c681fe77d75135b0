using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Django.ManyToOne;

[Model(Table = "m2o_district")]
public partial class District
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade, RelatedName = "Districts")]
    public partial City? City { get; set; }
    [MaxLength(50)] public string Name { get; set; } = "";
    public override string ToString() => Name;
}
