using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Models;

/// <summary>A model whose key the application assigns (a Guid), for insert-versus-update and unique violations.</summary>
[Model]
public partial class Label
{
    [PrimaryKey] public Guid Code { get; set; }
    [MaxLength(20)] public string Name { get; set; } = "";
    public string? Note { get; set; }
    public override string ToString() => Name;
}
