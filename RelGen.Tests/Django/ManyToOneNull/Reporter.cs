using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Django.ManyToOneNull;

[Model(Table = "m2on_reporter")]
public partial class Reporter
{
    public int Id { get; set; }
    [MaxLength(30)] public string Name { get; set; } = "";
    public override string ToString() => Name;
}
