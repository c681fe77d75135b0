using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Models.Reads;

/// <summary>Numbers with and without NULLs, dates, a timestamp and an enum: what aggregates, projections and transforms read.</summary>
[Model(Table = "rd_book"), Ordering(nameof(Title))]
public partial class Book
{
    public int Id { get; set; }
    [MaxLength(40)] public string Title { get; set; } = "";
    public int Pages { get; set; }
    public int? Rating { get; set; }
    public decimal Price { get; set; }
    public double? Score { get; set; }
    public DateOnly Published { get; set; }
    public DateTime? Printed { get; set; }
    public Genre Genre { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial Author Author { get; set; }
    public override string ToString() => Title;
}
