namespace RelGen.Benchmarks.DapperAot;

/// <summary>A reporter's columns and its article count in one row: Dapper.AOT maps one type per row (no multi-mapping).</summary>
public sealed class AotReporterCount
{
    public int Id { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string Email { get; set; } = "";
    public int ArticleCount { get; set; }
}
