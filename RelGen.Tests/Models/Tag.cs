using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Models;

/// <summary>A model whose Slug the tests make unique (by SQL, until [Unique] lands), for get-or-create and upserts.</summary>
[Model(Table = "w_tag")]
public partial class Tag
{
    public int Id { get; set; }
    [MaxLength(30)] public string Slug { get; set; } = "";
    [MaxLength(30)] public string Name { get; set; } = "";
    public int Uses { get; set; }
    public override string ToString() => Slug;
}
