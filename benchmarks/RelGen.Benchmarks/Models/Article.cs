using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RelGen;

namespace RelGen.Benchmarks.Models;

[Model, Ordering(nameof(Headline))]
public partial class Article
{
    public int Id { get; set; }
    [MaxLength(100)] public string Headline { get; set; } = "";
    public DateOnly PubDate { get; set; }
    /// <summary>A number field for set-based updates (<c>Views + 1</c>); defaulted, so set-based inserts may leave it out.</summary>
    [DefaultValue(0)] public int Views { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial Reporter Reporter { get; set; }
}
