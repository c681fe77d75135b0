namespace RelGen.Benchmarks.EfCore;

/// <summary>EF Core's view of the article table (EF maps its own plain classes).</summary>
public sealed class EfArticle
{
    public int Id { get; set; }
    public string Headline { get; set; } = "";
    public DateOnly PubDate { get; set; }
    public int Views { get; set; }
    public int ReporterId { get; set; }
    public EfReporter Reporter { get; set; } = null!;
}
