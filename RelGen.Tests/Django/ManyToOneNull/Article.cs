using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Django.ManyToOneNull;

[Model(Table = "m2on_article"), Ordering(nameof(Headline))]
public partial class Article
{
    public int Id { get; set; }
    [MaxLength(100)] public string Headline { get; set; } = "";
    [ForeignKey(OnDelete = OnDelete.SetNull)]
    public partial Reporter? Reporter { get; set; }
    public override string ToString() => Headline;
}
