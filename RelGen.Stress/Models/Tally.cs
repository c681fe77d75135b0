using System.ComponentModel.DataAnnotations;

namespace RelGen.Stress.Models;

/// <summary>Points at a widget with DoNothing: deleting that widget fails on the foreign key (<see cref="IntegrityException"/>).</summary>
[Model(Table = "stress_tally")]
public partial class Tally
{
    public int Id { get; set; }
    [MaxLength(60)] public string Name { get; set; } = "";
    [ForeignKey(OnDelete = OnDelete.DoNothing)]
    public partial Widget? Widget { get; set; }
    public override string ToString() => Name;
}
