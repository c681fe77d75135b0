using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Django.ManyToOne;

[Model(Table = "m2o_child")]
public partial class Child
{
    public int Id { get; set; }
    [MaxLength(20)] public string Name { get; set; } = "";
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial Parent Parent { get; set; }
    public override string ToString() => Name;
}
