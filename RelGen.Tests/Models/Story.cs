using System.ComponentModel.DataAnnotations;
using RelGen;

namespace RelGen.Tests.Models;

public enum Priority : short
{
    Low = 1,
    Normal = 2,
    High = 3,
}

/// <summary>A model with numbers, dates, nullable text and an enum, for expressions, ordering and null semantics.</summary>
[Model(Table = "story")]
public partial class Story
{
    public int Id { get; set; }
    [Unique, MaxLength(40)] public string Title { get; set; } = "";
    public string? Tag { get; set; }
    public int Views { get; set; }
    public int Likes { get; set; }
    public decimal Price { get; set; }
    public DateOnly Published { get; set; }
    public DateOnly? Updated { get; set; }
    public Priority Priority { get; set; }
    [ForeignKey(OnDelete = OnDelete.SetNull)]
    public partial Reporter? Author { get; set; }
}
