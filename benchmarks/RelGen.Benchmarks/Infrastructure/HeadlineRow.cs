namespace RelGen.Benchmarks.Infrastructure;

/// <summary>Three columns of an article, as EF Core and linq2db project them (both build a class by member initialisation).</summary>
public sealed class HeadlineRow
{
    public int Id { get; set; }
    public string Headline { get; set; } = "";
    public DateOnly PubDate { get; set; }
}
