using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Replicas.Models;

/// <summary>An author whose name the routing tests change on the primary while the standby's replay is paused.</summary>
[Model(Table = "rep_author")]
public partial class ShelfAuthor
{
    public int Id { get; set; }
    [MaxLength(40)] public string Name { get; set; } = "";
    [MaxLength(40)] public string Email { get; set; } = "";
    public override string ToString() => Name;
}
