using RelGen.Tests.Models;

namespace RelGen.Tests.Runtime;

/// <summary>GetAsync's two errors, FirstOrDefaultAsync, ExistsAsync and streaming.</summary>
public sealed class GetTests : SchemaTest
{
    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        var reporter = new Reporter { FirstName = "John", LastName = "Smith" };
        await Db.SaveAsync(reporter);
        await reporter.ArticleSet.CreateAsync(headline: "Alpha", pubDate: new DateOnly(2005, 7, 27));
        await reporter.ArticleSet.CreateAsync(headline: "Beta", pubDate: new DateOnly(2005, 7, 28));
    }

    [Test]
    public void GetOfNothingThrowsDoesNotExistNamingTheModel()
    {
        var error = Assert.ThrowsAsync<DoesNotExistException>(() => Article.Objects(Db).GetAsync(a => a.Headline == "Gamma"));
        Assert.That(error!.Model, Is.EqualTo("Article"));
        Assert.That(error.Message, Does.Contain("Article"));
    }

    [Test]
    public void GetOfSeveralThrowsMultipleObjectsReturnedWithTheCount()
    {
        var error = Assert.ThrowsAsync<MultipleObjectsReturnedException>(() => Article.Objects(Db).GetAsync(a => a.Headline.Gt("A")));
        Assert.That((error!.Model, error.Count), Is.EqualTo(("Article", 2)));
        Assert.That(error.Message, Does.Contain("it returned 2"));
    }

    [Test]
    public async Task FirstOrDefaultAndExists()
    {
        Assert.That((await Article.Objects(Db).OrderBy(a => a.Headline.Desc()).FirstOrDefaultAsync())!.Headline, Is.EqualTo("Beta"));
        Assert.That(await Article.Objects(Db).Filter(a => a.Headline == "None").FirstOrDefaultAsync(), Is.Null);
        Assert.That(await Article.Objects(Db).Filter(a => a.Headline == "Alpha").ExistsAsync(), Is.True);
        Assert.That(await Article.Objects(Db).Filter(a => a.Headline == "None").ExistsAsync(), Is.False);
    }

    [Test]
    public async Task AQuerySetStreamsAsAnAsyncEnumerable()
    {
        var headlines = new List<string>();
        await foreach (var article in Article.Objects(Db))
            headlines.Add(article.Headline);
        Assert.That(headlines, Is.EqualTo(new[] { "Alpha", "Beta" }));
    }
}
