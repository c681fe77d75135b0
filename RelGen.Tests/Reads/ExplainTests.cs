using RelGen.Tests.Models.Reads;

namespace RelGen.Tests.Reads;

/// <summary>ExplainAsync: PostgreSQL's plan, with the values bound; ANALYZE runs the query.</summary>
public sealed class ExplainTests : ReadsTest
{
    [Test]
    public async Task ExplainShowsThePlanWithoutRunningTheQuery()
    {
        Sql.Clear();
        var plan = await Book.Objects(Db).Filter(b => b.Author.Name == "Ann").OrderBy(b => b.Pages).ExplainAsync();
        Assert.That(plan, Does.Contain("rd_book").And.Contain("Sort"));
        Assert.That(plan, Does.Not.Contain("actual time"));
        Assert.That(Sql.Commands.Single(), Does.StartWith("EXPLAIN SELECT ").And.Contain("= $1"));
    }

    [Test]
    public async Task ExplainAnalyzeRunsItAndShowsActualRows()
    {
        var plan = await Book.Objects(Db).Filter(b => b.Pages > 120).ExplainAsync(analyze: true);
        Assert.That(plan, Does.Contain("actual time").And.Contain("rows=4 loops=1").And.Contain("Execution Time"));
        var projected = await Author.Objects(Db).Select(a => a.Name, a => a.Book.Count()).ExplainAsync(analyze: true);
        Assert.That(projected, Does.Contain("SubPlan").And.Contain("rd_author"));
    }
}
