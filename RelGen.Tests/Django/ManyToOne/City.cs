using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Django.ManyToOne;

/// <summary>Django's City: a <c>BigAutoField</c> key, here a <c>long</c> identity.</summary>
[Model(Table = "m2o_city")]
public partial class City
{
    public long Id { get; set; }
    [MaxLength(50)] public string Name { get; set; } = "";
    public override string ToString() => Name;
}
