using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Replicas.Models;

/// <summary>A book: its author is a lazy load and the author's <c>ShelfBookSet</c> a manager, both of which follow the book's route.</summary>
[Model(Table = "rep_book")]
public partial class ShelfBook
{
    public int Id { get; set; }
    [MaxLength(40)] public string Title { get; set; } = "";
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial ShelfAuthor Author { get; set; }
    public override string ToString() => Title;
}
