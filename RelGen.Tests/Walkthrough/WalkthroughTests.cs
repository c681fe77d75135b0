using RelGen.Tests.Models;
using RelGen.Tests.Support;

namespace RelGen.Tests.Walkthrough;

/// <summary>
/// Django's many-to-one documentation (Reporter/Article), step by step, against PostgreSQL. Each
/// assertion is one documented result; where the documentation's sample output does not follow from
/// its own data (the reverse-lookup duplicates), a second "This…" article makes the duplicates real.
/// </summary>
public sealed class WalkthroughTests : DatabaseTest
{
    private static string[] Names<T>(IEnumerable<T> items) => items.Select(i => i!.ToString()!).ToArray();

    [Test]
    public async Task TheDocumentationWalkthroughHolds()
    {
        var sql = new SqlCapture();
        await using var db = RelGenDatabase.Create(ConnectionString, sql);
        await db.CreateTablesAsync();

        // Create a few Reporters.
        var r = new Reporter { FirstName = "John", LastName = "Smith", Email = "john@example.com" };
        await db.SaveAsync(r);
        var r2 = new Reporter { FirstName = "Paul", LastName = "Jones", Email = "paul@example.com" };
        await db.SaveAsync(r2);
        Assert.That((r.Id, r2.Id), Is.EqualTo((1, 2)));

        // Create an Article.
        var a = new Article { Headline = "This is a test", PubDate = new DateOnly(2005, 7, 27), Reporter = r };
        await db.SaveAsync(a);
        Assert.That(a.Reporter.Id, Is.EqualTo(1));
        Assert.That(a.Reporter.ToString(), Is.EqualTo("John Smith"));

        // An unsaved reporter cannot be saved through an article; nothing is written.
        var r3 = new Reporter { FirstName = "John", LastName = "Smith", Email = "john@example.com" };
        var unsaved = new Article { Headline = "This is a test", PubDate = new DateOnly(2005, 7, 27), Reporter = r3 };
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveAsync(unsaved));
        Assert.That(error!.Message, Does.Contain("Article.Reporter"));
        Assert.That(await Article.Objects(db).CountAsync(), Is.EqualTo(1));

        // Article objects have access to their related Reporter objects (loaded once, then cached).
        var loaded = await Article.Objects(db).GetAsync(x => x.Id == a.Id);
        sql.Clear();
        var reporter = loaded.Reporter;
        Assert.That((reporter.FirstName, reporter.LastName), Is.EqualTo(("John", "Smith")));
        Assert.That(loaded.Reporter, Is.SameAs(reporter));
        Assert.That(sql.Count, Is.EqualTo(1));

        // Create an Article via the Reporter object.
        var newArticle = await r.ArticleSet.CreateAsync(headline: "John's second story", pubDate: new DateOnly(2005, 7, 29));
        Assert.That(newArticle.ToString(), Is.EqualTo("John's second story"));
        Assert.That(newArticle.Reporter.ToString(), Is.EqualTo("John Smith"));
        Assert.That(newArticle.Reporter.Id, Is.EqualTo(1));

        // Create a new article, and add it to the article set.
        var newArticle2 = new Article { Headline = "Paul's story", PubDate = new DateOnly(2006, 1, 17) };
        await r.ArticleSet.AddAsync(newArticle2);
        Assert.That(newArticle2.Reporter.ToString(), Is.EqualTo("John Smith"));
        Assert.That(newArticle2.Reporter.Id, Is.EqualTo(1));
        Assert.That(Names(await r.ArticleSet.ToListAsync()), Is.EqualTo(new[] { "John's second story", "Paul's story", "This is a test" }));

        // Add the same article to a different article set - check that it moves.
        await r2.ArticleSet.AddAsync(newArticle2);
        Assert.That(newArticle2.Reporter.Id, Is.EqualTo(2));
        Assert.That(newArticle2.Reporter.ToString(), Is.EqualTo("Paul Jones"));
        Assert.That(Names(await r.ArticleSet.ToListAsync()), Is.EqualTo(new[] { "John's second story", "This is a test" }));
        Assert.That(Names(await r2.ArticleSet.ToListAsync()), Is.EqualTo(new[] { "Paul's story" }));
        Assert.That(await r.ArticleSet.CountAsync(), Is.EqualTo(2));
        Assert.That(await r2.ArticleSet.CountAsync(), Is.EqualTo(1));

        // Related managers support field lookups as well.
        Assert.That(Names(await r.ArticleSet.Filter(x => x.Headline.StartsWith("This")).ToListAsync()), Is.EqualTo(new[] { "This is a test" }));

        string[] johns = ["John's second story", "This is a test"];
        string[] all = ["John's second story", "Paul's story", "This is a test"];
        Assert.That(Names(await Article.Objects(db).Filter(x => x.Reporter.FirstName == "John").ToListAsync()), Is.EqualTo(johns));
        Assert.That(Names(await Article.Objects(db).Filter(x => x.Reporter.FirstName.Exact("John")).ToListAsync()), Is.EqualTo(johns));
        Assert.That(Names(await Article.Objects(db).Filter(x => x.Reporter.FirstName == "John" & x.Reporter.LastName == "Smith").ToListAsync()), Is.EqualTo(johns));
        Assert.That(Names(await Article.Objects(db).Filter(x => x.Reporter.Id == 1).ToListAsync()), Is.EqualTo(johns));
        Assert.That(Names(await Article.Objects(db).Filter(x => x.Reporter == 1).ToListAsync()), Is.EqualTo(johns));
        Assert.That(Names(await Article.Objects(db).Filter(x => x.Reporter == r).ToListAsync()), Is.EqualTo(johns));
        Assert.That(Names(await Article.Objects(db).Filter(x => x.Reporter.In(1, 2)).Distinct().ToListAsync()), Is.EqualTo(all));
        Assert.That(Names(await Article.Objects(db).Filter(x => x.Reporter.In(r, r2)).Distinct().ToListAsync()), Is.EqualTo(all));
        Assert.That(Names(await Article.Objects(db).Filter(x => x.Reporter.In(Reporter.Objects(db).Filter(y => y.FirstName == "John"))).Distinct().ToListAsync()), Is.EqualTo(johns));

        // Querying in the opposite direction.
        Assert.That(Names(await Reporter.Objects(db).Filter(x => x.Article.Id == 1).ToListAsync()), Is.EqualTo(new[] { "John Smith" }));
        Assert.That(Names(await Reporter.Objects(db).Filter(x => x.Article == 1).ToListAsync()), Is.EqualTo(new[] { "John Smith" }));
        Assert.That(Names(await Reporter.Objects(db).Filter(x => x.Article == a).ToListAsync()), Is.EqualTo(new[] { "John Smith" }));

        // A second "This…" article makes the reverse join repeat John, as the documentation shows.
        await r.ArticleSet.CreateAsync(headline: "This is a second test", pubDate: new DateOnly(2005, 7, 30));
        var startsWithThis = Reporter.Objects(db).Filter(x => x.Article.Headline.StartsWith("This"));
        Assert.That(Names(await startsWithThis.ToListAsync()), Is.EqualTo(new[] { "John Smith", "John Smith" }));
        Assert.That(Names(await startsWithThis.Distinct().ToListAsync()), Is.EqualTo(new[] { "John Smith" }));
        Assert.That(await startsWithThis.CountAsync(), Is.EqualTo(2));
        Assert.That(await startsWithThis.Distinct().CountAsync(), Is.EqualTo(1));

        // Queries can go round in circles.
        var circle = Reporter.Objects(db).Filter(x => x.Article.Reporter.FirstName.StartsWith("John"));
        Assert.That(Names(await circle.ToListAsync()), Is.EqualTo(new[] { "John Smith", "John Smith", "John Smith" }));
        Assert.That(Names(await circle.Distinct().ToListAsync()), Is.EqualTo(new[] { "John Smith" }));
        Assert.That(Names(await Reporter.Objects(db).Filter(x => x.Article.Reporter == r).Distinct().ToListAsync()), Is.EqualTo(new[] { "John Smith" }));

        // If you delete a reporter, their articles are deleted (CASCADE).
        Assert.That(Names(await Article.Objects(db).ToListAsync()), Is.EqualTo(new[] { "John's second story", "Paul's story", "This is a second test", "This is a test" }));
        Assert.That(Names(await Reporter.Objects(db).OrderBy(x => x.FirstName).ToListAsync()), Is.EqualTo(new[] { "John Smith", "Paul Jones" }));
        var deleted = await db.DeleteAsync(r2);
        Assert.That(deleted.Total, Is.EqualTo(2));
        Assert.That(deleted.PerModel, Is.EquivalentTo(new Dictionary<string, int> { ["Article"] = 1, ["Reporter"] = 1 }));
        Assert.That(r2.Id, Is.EqualTo(0));
        Assert.That(Names(await Article.Objects(db).ToListAsync()), Is.EqualTo(new[] { "John's second story", "This is a second test", "This is a test" }));
        Assert.That(Names(await Reporter.Objects(db).OrderBy(x => x.FirstName).ToListAsync()), Is.EqualTo(new[] { "John Smith" }));

        // You can delete using a JOIN in the query.
        var joined = await Reporter.Objects(db).Filter(x => x.Article.Headline.StartsWith("This")).DeleteAsync();
        Assert.That(joined.PerModel, Is.EquivalentTo(new Dictionary<string, int> { ["Article"] = 3, ["Reporter"] = 1 }));
        Assert.That(await Reporter.Objects(db).ToListAsync(), Is.Empty);
        Assert.That(await Article.Objects(db).ToListAsync(), Is.Empty);
    }
}
