using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Integrity.Models;

/// <summary>The root of a pure cascade tree (crate → item → part, notes set to NULL): deletes run as one planned batch.</summary>
[Model(Table = "race_crate")]
public partial class RaceCrate
{
    public int Id { get; set; }
    [MaxLength(40)] public string Name { get; set; } = "";
    public override string ToString() => Name;
}
