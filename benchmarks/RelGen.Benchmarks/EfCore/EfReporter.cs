namespace RelGen.Benchmarks.EfCore;

/// <summary>EF Core's view of the reporter table.</summary>
public sealed class EfReporter
{
    public int Id { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string Email { get; set; } = "";
    public List<EfArticle> Articles { get; set; } = [];
}
