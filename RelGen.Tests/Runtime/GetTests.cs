using RelGen.Tests.Models;

namespace RelGen.Tests.Runtime;

/// <summary>GetAsync's SQL and two errors, FirstOrDefaultAsync, ExistsAsync and streaming.</summary>
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
    public async Task GetSendsNoOrderAndRelGensOwnLimitInTheText()
    {
        // Django's get() drops the order; the limit that detects "more than one" is a constant, not a value.
        Sql.Clear();
        var article = await Article.Objects(Db).GetAsync(a => a.Headline == "Alpha");
        Assert.That(article.Headline, Is.EqualTo("Alpha"));
        Assert.That(Sql.Commands.Single(), Does.EndWith("WHERE t0.\"headline\" = $1 LIMIT 21").And.Not.Contain("ORDER BY"));
    }

    [Test]
    public async Task GetOfASlicedQueryKeepsItsOrder()
    {
        var ordered = Article.Objects(Db).OrderBy(a => a.Headline.Desc());
        Assert.That((await ordered.Take(1).GetAsync()).Headline, Is.EqualTo("Beta"));
        Assert.That((await ordered.Skip(1).GetAsync()).Headline, Is.EqualTo("Alpha"));
    }

    [Test]
    public void GetWithAPredicateOnASlicedQueryIsRefusedAsAFilterWouldBe()
    {
        // The predicate is not added to a new query state: it must still be refused where Filter would be, before anything is sent.
        Sql.Clear();
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => Article.Objects(Db).Take(1).GetAsync(a => a.Headline == "Alpha"));
        Assert.That(error!.Message, Does.Contain("Cannot filter a Article query once Take or Skip"));
        Assert.That(Sql.Commands, Is.Empty);
    }

    [Test]
    public async Task GetWithAPredicateAddsItAfterTheQuerysOwnFiltersAsFilterDoes()
    {
        var query = Article.Objects(Db).Exclude(a => a.Headline == "Beta");
        Sql.Clear();
        Assert.That((await query.GetAsync(a => a.PubDate.Year == 2005)).Headline, Is.EqualTo("Alpha"));
        var direct = Sql.Commands.Single();
        Sql.Clear();
        Assert.That((await query.Filter(a => a.PubDate.Year == 2005).GetAsync()).Headline, Is.EqualTo("Alpha"));
        Assert.That(direct, Is.EqualTo(Sql.Commands.Single()));
        Assert.ThrowsAsync<DoesNotExistException>(() => query.GetAsync(a => a.Headline == "Beta"));
    }

    [Test]
    public async Task GetOfMoreThanTheLimitSaysOrMore()
    {
        var many = Enumerable.Range(0, 25).Select(i => new Reporter { FirstName = "Many", LastName = "L" + i }).ToList();
        await Db.BulkCreateAsync(many);
        try
        {
            var error = Assert.ThrowsAsync<MultipleObjectsReturnedException>(() => Reporter.Objects(Db).GetAsync(r => r.FirstName == "Many"));
            Assert.That(error!.Count, Is.EqualTo(21));
            Assert.That(error.Message, Does.Contain("it returned 21 or more"));
        }
        finally
        {
            await Reporter.Objects(Db).Filter(r => r.FirstName == "Many").DeleteAsync();
        }
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

    [Test]
    public async Task StreamingStopsEarlyEmptyOrWithRelatedObjects()
    {
        await foreach (var article in Article.Objects(Db).Filter(a => a.Headline == "None"))
            Assert.Fail($"nothing matches, yet {article.Headline} was streamed");

        var first = new List<string>();
        await foreach (var article in Article.Objects(Db))
        {
            first.Add(article.Headline);
            break;
        }
        Assert.That(first, Is.EqualTo(new[] { "Alpha" }));

        Sql.Clear();
        var reporters = new List<string>();
        await foreach (var article in Article.Objects(Db).SelectRelated(a => a.Reporter))
            reporters.Add(article.Reporter.FirstName);
        Assert.That(reporters, Is.EqualTo(new[] { "John", "John" }));
        Assert.That(Sql.Count, Is.EqualTo(1), "the reporters came with the articles");
    }
}
