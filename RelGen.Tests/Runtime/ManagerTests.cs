using RelGen.Tests.Models;

namespace RelGen.Tests.Runtime;

/// <summary>Reverse managers: scoped queries, CreateAsync, AddAsync (insert and move), and refusal on an unsaved owner.</summary>
public sealed class ManagerTests : SchemaTest
{
    private async Task<Reporter> NewReporterAsync(string first)
    {
        var reporter = new Reporter { FirstName = first, LastName = "Smith", Email = "j@example.com" };
        await Db.SaveAsync(reporter);
        return reporter;
    }

    [Test]
    public void TheManagerOfAnUnsavedOwnerThrows()
    {
        var error = Assert.Throws<InvalidOperationException>(() => _ = new Reporter { FirstName = "Unsaved" }.ArticleSet);
        Assert.That(error!.Message, Does.Contain("ArticleSet"));
    }

    [Test]
    public async Task AddMovesSeveralSavedObjectsInOneUpdate()
    {
        var john = await NewReporterAsync("John");
        var paul = await NewReporterAsync("Paul");
        var first = await john.ArticleSet.CreateAsync(headline: "One", pubDate: new DateOnly(2021, 1, 1));
        var second = await john.ArticleSet.CreateAsync(headline: "Two", pubDate: new DateOnly(2021, 1, 2));
        Sql.Clear();
        await paul.ArticleSet.AddAsync(first, second);
        Assert.That(Sql.Commands.Count(c => c.StartsWith("UPDATE", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(await paul.ArticleSet.CountAsync(), Is.EqualTo(2));
        Assert.That(await john.ArticleSet.CountAsync(), Is.Zero);
        Assert.That(first.Reporter, Is.SameAs(paul));
    }

    [Test]
    public async Task AddOfUnsavedAndSavedObjectsIsAtomic()
    {
        var john = await NewReporterAsync("Atomic");
        var saved = await john.ArticleSet.CreateAsync(headline: "Saved", pubDate: new DateOnly(2021, 1, 1));
        var other = await NewReporterAsync("Other");
        var invalid = new Article { Headline = new string('x', 101) };
        Assert.ThrowsAsync<ModelValidationException>(() => other.ArticleSet.AddAsync(saved, invalid));
        Assert.That((await Article.Objects(Db).GetAsync(a => a.Id == saved.Id)).ReporterId, Is.EqualTo(john.Id));
    }

    [Test]
    public async Task ManagerQueriesAreScopedToTheOwner()
    {
        var john = await NewReporterAsync("Scoped");
        var paul = await NewReporterAsync("Elsewhere");
        await john.ArticleSet.CreateAsync(headline: "Mine", pubDate: new DateOnly(2021, 1, 1));
        await paul.ArticleSet.CreateAsync(headline: "Mine too", pubDate: new DateOnly(2021, 1, 1));
        Assert.That((await john.ArticleSet.Filter(a => a.Headline.StartsWith("Mine")).ToListAsync()).Select(a => a.Headline), Is.EqualTo(new[] { "Mine" }));
    }
}
