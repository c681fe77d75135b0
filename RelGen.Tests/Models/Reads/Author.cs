using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Models.Reads;

/// <summary>The parent of the reads tests: books and awards point at it (two reverse relations, for combined aggregates).</summary>
[Model(Table = "rd_author"), Ordering(nameof(Name))]
public partial class Author
{
    public int Id { get; set; }
    [MaxLength(40)] public string Name { get; set; } = "";
    [MaxLength(40)] public string? City { get; set; }
    public override string ToString() => Name;
}
