using System.ComponentModel.DataAnnotations;

namespace RelGen.Stress.Models;

/// <summary>
/// The root of the collected tree: depot → bin → widget (Cascade), which permits (Protect), seals (Restrict) and tallies
/// (DoNothing) also reach, so its deletes go through the collector.
/// </summary>
[Model(Table = "stress_depot")]
public partial class Depot
{
    public int Id { get; set; }
    [MaxLength(60)] public string Name { get; set; } = "";
    public override string ToString() => Name;
}
