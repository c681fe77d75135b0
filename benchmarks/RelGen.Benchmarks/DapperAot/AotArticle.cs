namespace RelGen.Benchmarks.DapperAot;

/// <summary>
/// Dapper.AOT's row type for an article. Its generator cannot see what RelGen's generator adds to a model (generators run side
/// by side on the same source), so it maps a plain class, matching snake_case columns by name without underscores.
/// </summary>
public sealed class AotArticle
{
    public int Id { get; set; }
    public string Headline { get; set; } = "";
    public DateOnly PubDate { get; set; }
    public int Views { get; set; }
    public int ReporterId { get; set; }
}
