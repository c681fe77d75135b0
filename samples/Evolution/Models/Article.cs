using System.ComponentModel.DataAnnotations;
using RelGen;

namespace Evolution.Models;

[Model, Ordering(nameof(Headline))]
public partial class Article
{
    public int Id { get; set; }
    [MaxLength(100)] public string Headline { get; set; } = "";
    public DateOnly PubDate { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)] public partial Reporter Reporter { get; set; }
    public override string ToString() => Headline;
}
