using System.ComponentModel.DataAnnotations;

namespace RelGen.Stress.Models;

/// <summary>The root of the planned tree: crate → item → part (Cascade), notes set to NULL, stickers set to the home crate.</summary>
[Model(Table = "stress_crate")]
public partial class Crate
{
    /// <summary>The crate stickers fall back to (<see cref="OnDelete.SetDefault"/>); never deleted.</summary>
    public const int HomeKey = 1_000_000;

    public int Id { get; set; }
    [MaxLength(60)] public string Name { get; set; } = "";
    public override string ToString() => Name;
}
