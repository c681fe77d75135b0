using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Django.ManyToOne;

[Model(Table = "m2o_category")]
public partial class Category
{
    public int Id { get; set; }
    [MaxLength(20)] public string Name { get; set; } = "";
    public override string ToString() => Name;
}
