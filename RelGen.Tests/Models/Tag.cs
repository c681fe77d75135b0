using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Models;

/// <summary>A model with a unique Slug, for get-or-create races and upserts (conflicts on a [Unique] column).</summary>
[Model(Table = "w_tag")]
public partial class Tag
{
    public int Id { get; set; }
    [Unique, MaxLength(30)] public string Slug { get; set; } = "";
    [MaxLength(30)] public string Name { get; set; } = "";
    public int Uses { get; set; }
    public override string ToString() => Slug;
}
