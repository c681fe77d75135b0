namespace RelGen.Benchmarks.DapperAot;

/// <summary>Dapper.AOT's row type for a reporter.</summary>
public sealed class AotReporter
{
    public int Id { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string Email { get; set; } = "";
    public List<AotArticle> Articles { get; } = [];
}
