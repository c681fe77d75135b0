using Newsroom.Models;
using RelGen;

namespace Newsroom;

/// <summary>
/// Django's many-to-one documentation (Reporter / Article), step by step, the same steps and results as
/// RelGen.Tests' WalkthroughTests. Where the documentation's output does not follow from its own data
/// (the reverse lookup's repeated rows), a second "This…" article makes the repeats real.
/// </summary>
public static class Walkthrough
{
    public static async Task RunAsync(RelGenDatabase db, SqlLog sql)
    {
        var t = new Transcript();

        t.Say("Create a few Reporters:");
        var r = t.Do("""r = Reporter(first_name="John", last_name="Smith", email="john@example.com")""",
            () => new Reporter { FirstName = "John", LastName = "Smith", Email = "john@example.com" });
        await t.DoAsync("r.save()", () => db.SaveAsync(r));
        var r2 = t.Do("""r2 = Reporter(first_name="Paul", last_name="Jones", email="paul@example.com")""",
            () => new Reporter { FirstName = "Paul", LastName = "Jones", Email = "paul@example.com" });
        await t.DoAsync("r2.save()", () => db.SaveAsync(r2));
        t.Show("r.id, r2.id", (r.Id, r2.Id), (1, 2));

        t.Say("Create an Article:");
        var a = t.Do("""a = Article(id=None, headline="This is a test", pub_date=date(2005, 7, 27), reporter=r)""",
            () => new Article { Headline = "This is a test", PubDate = new DateOnly(2005, 7, 27), Reporter = r });
        await t.DoAsync("a.save()", () => db.SaveAsync(a));
        t.Show("a.reporter.id", a.Reporter.Id, 1);
        t.Show("a.reporter", a.Reporter.ToString(), "John Smith");

        t.Say("Note that you must save an object before it can be assigned to a foreign key relationship;\n"
            + "nothing is written:");
        var r3 = t.Do("""r3 = Reporter(first_name="John", last_name="Smith", email="john@example.com")""",
            () => new Reporter { FirstName = "John", LastName = "Smith", Email = "john@example.com" });
        var unsaved = new Article { Headline = "This is a test", PubDate = new DateOnly(2005, 7, 27), Reporter = r3 };
        await t.FailsAsync<InvalidOperationException>(
            """Article.objects.create(headline="This is a test", pub_date=date(2005, 7, 27), reporter=r3)""",
            () => db.SaveAsync(unsaved), "Article.Reporter");
        await t.ShowAsync("Article.objects.count()", () => Article.Objects(db).CountAsync(), 1);

        t.Say("Article objects have access to their related Reporter objects (loaded on first access, in one\n"
            + "query, then cached):");
        var loaded = await t.DoAsync("a = Article.objects.get(pk=a.id)", () => Article.Objects(db).GetAsync(x => x.Id == a.Id));
        sql.Reset();
        var reporter = t.Do("r = a.reporter", () => loaded.Reporter);
        t.Show("r.first_name, r.last_name", (reporter.FirstName, reporter.LastName), ("John", "Smith"));
        t.Show("a.reporter is r", ReferenceEquals(loaded.Reporter, reporter), true);
        t.Show("len(connection.queries)  # since the get", sql.Count, 1);

        t.Say("Create an Article via the Reporter object:");
        var newArticle = await t.DoAsync(
            """new_article = r.article_set.create(headline="John's second story", pub_date=date(2005, 7, 29))""",
            () => r.ArticleSet.CreateAsync(headline: "John's second story", pubDate: new DateOnly(2005, 7, 29)));
        t.Show("new_article", newArticle.ToString(), "John's second story");
        t.Show("new_article.reporter", newArticle.Reporter.ToString(), "John Smith");
        t.Show("new_article.reporter.id", newArticle.Reporter.Id, 1);

        t.Say("Create a new article, and add it to the article set:");
        var newArticle2 = t.Do("""new_article2 = Article(headline="Paul's story", pub_date=date(2006, 1, 17))""",
            () => new Article { Headline = "Paul's story", PubDate = new DateOnly(2006, 1, 17) });
        await t.DoAsync("r.article_set.add(new_article2)", () => r.ArticleSet.AddAsync(newArticle2));
        t.Show("new_article2.reporter", newArticle2.Reporter.ToString(), "John Smith");
        t.Show("new_article2.reporter.id", newArticle2.Reporter.Id, 1);
        await t.ShowRowsAsync("r.article_set.all()", () => r.ArticleSet.ToListAsync(), ["John's second story", "Paul's story", "This is a test"]);

        t.Say("Add the same article to a different article set - check that it moves:");
        await t.DoAsync("r2.article_set.add(new_article2)", () => r2.ArticleSet.AddAsync(newArticle2));
        t.Show("new_article2.reporter.id", newArticle2.Reporter.Id, 2);
        t.Show("new_article2.reporter", newArticle2.Reporter.ToString(), "Paul Jones");

        t.Say("Adding an object of the wrong type, r.article_set.add(r2), raises TypeError in Python; in C# it\n"
            + "does not compile (AddAsync takes Article objects only).");
        await t.ShowRowsAsync("r.article_set.all()", () => r.ArticleSet.ToListAsync(), ["John's second story", "This is a test"]);
        await t.ShowRowsAsync("r2.article_set.all()", () => r2.ArticleSet.ToListAsync(), ["Paul's story"]);
        await t.ShowAsync("r.article_set.count()", () => r.ArticleSet.CountAsync(), 2);
        await t.ShowAsync("r2.article_set.count()", () => r2.ArticleSet.CountAsync(), 1);

        t.Say("Related managers support field lookups as well. The API follows relationships as far as you need:");
        await t.ShowRowsAsync("""r.article_set.filter(headline__startswith="This")""",
            () => r.ArticleSet.Filter(x => x.Headline.StartsWith("This")).ToListAsync(), ["This is a test"]);

        string[] johns = ["John's second story", "This is a test"];
        string[] all = ["John's second story", "Paul's story", "This is a test"];
        t.Say("Find all Articles for any Reporter whose first name is \"John\":");
        await t.ShowRowsAsync("""Article.objects.filter(reporter__first_name="John")""",
            () => Article.Objects(db).Filter(x => x.Reporter.FirstName == "John").ToListAsync(), johns);
        t.Say("Exact match is implied here:");
        await t.ShowRowsAsync("""Article.objects.filter(reporter__first_name__exact="John")""",
            () => Article.Objects(db).Filter(x => x.Reporter.FirstName.Exact("John")).ToListAsync(), johns);
        t.Say("Query twice over the related field. This translates to an AND condition in the WHERE clause:");
        await t.ShowRowsAsync("""Article.objects.filter(reporter__first_name="John", reporter__last_name="Smith")""",
            () => Article.Objects(db).Filter(x => x.Reporter.FirstName == "John" & x.Reporter.LastName == "Smith").ToListAsync(), johns);
        t.Say("For the related lookup you can supply a primary key value or pass the related object explicitly:");
        await t.ShowRowsAsync("Article.objects.filter(reporter__pk=1)",
            () => Article.Objects(db).Filter(x => x.Reporter.Id == 1).ToListAsync(), johns);
        await t.ShowRowsAsync("Article.objects.filter(reporter=1)",
            () => Article.Objects(db).Filter(x => x.Reporter == 1).ToListAsync(), johns);
        await t.ShowRowsAsync("Article.objects.filter(reporter=r)",
            () => Article.Objects(db).Filter(x => x.Reporter == r).ToListAsync(), johns);
        await t.ShowRowsAsync("Article.objects.filter(reporter__in=[1, 2]).distinct()",
            () => Article.Objects(db).Filter(x => x.Reporter.In(1, 2)).Distinct().ToListAsync(), all);
        await t.ShowRowsAsync("Article.objects.filter(reporter__in=[r, r2]).distinct()",
            () => Article.Objects(db).Filter(x => x.Reporter.In(r, r2)).Distinct().ToListAsync(), all);
        t.Say("You can also use a queryset instead of a literal list of instances:");
        await t.ShowRowsAsync("""Article.objects.filter(reporter__in=Reporter.objects.filter(first_name="John")).distinct()""",
            () => Article.Objects(db).Filter(x => x.Reporter.In(Reporter.Objects(db).Filter(y => y.FirstName == "John"))).Distinct().ToListAsync(), johns);

        t.Say("Querying in the opposite direction:");
        await t.ShowRowsAsync("Reporter.objects.filter(article__pk=1)",
            () => Reporter.Objects(db).Filter(x => x.Article.Id == 1).ToListAsync(), ["John Smith"]);
        await t.ShowRowsAsync("Reporter.objects.filter(article=1)",
            () => Reporter.Objects(db).Filter(x => x.Article == 1).ToListAsync(), ["John Smith"]);
        await t.ShowRowsAsync("Reporter.objects.filter(article=a)",
            () => Reporter.Objects(db).Filter(x => x.Article == a).ToListAsync(), ["John Smith"]);

        t.Say("A second \"This…\" article, so the reverse join repeats John as the documentation shows:");
        await t.DoAsync("""r.article_set.create(headline="This is a second test", pub_date=date(2005, 7, 30))""",
            () => r.ArticleSet.CreateAsync(headline: "This is a second test", pubDate: new DateOnly(2005, 7, 30)));
        var startsWithThis = Reporter.Objects(db).Filter(x => x.Article.Headline.StartsWith("This"));
        await t.ShowRowsAsync("""Reporter.objects.filter(article__headline__startswith="This")""",
            () => startsWithThis.ToListAsync(), ["John Smith", "John Smith"]);
        await t.ShowRowsAsync("""Reporter.objects.filter(article__headline__startswith="This").distinct()""",
            () => startsWithThis.Distinct().ToListAsync(), ["John Smith"]);
        t.Say("Counting in the opposite direction works in conjunction with distinct():");
        await t.ShowAsync("""Reporter.objects.filter(article__headline__startswith="This").count()""",
            () => startsWithThis.CountAsync(), 2);
        await t.ShowAsync("""Reporter.objects.filter(article__headline__startswith="This").distinct().count()""",
            () => startsWithThis.Distinct().CountAsync(), 1);

        t.Say("Queries can go round in circles:");
        var circle = Reporter.Objects(db).Filter(x => x.Article.Reporter.FirstName.StartsWith("John"));
        await t.ShowRowsAsync("""Reporter.objects.filter(article__reporter__first_name__startswith="John")""",
            () => circle.ToListAsync(), ["John Smith", "John Smith", "John Smith"]);
        await t.ShowRowsAsync("""Reporter.objects.filter(article__reporter__first_name__startswith="John").distinct()""",
            () => circle.Distinct().ToListAsync(), ["John Smith"]);
        await t.ShowRowsAsync("Reporter.objects.filter(article__reporter=r).distinct()",
            () => Reporter.Objects(db).Filter(x => x.Article.Reporter == r).Distinct().ToListAsync(), ["John Smith"]);

        t.Say("If you delete a reporter, their articles will be deleted (OnDelete.Cascade, the default):");
        await t.ShowRowsAsync("Article.objects.all()",
            () => Article.Objects(db).ToListAsync(), ["John's second story", "Paul's story", "This is a second test", "This is a test"]);
        await t.ShowRowsAsync("""Reporter.objects.order_by("first_name")""",
            () => Reporter.Objects(db).OrderBy(x => x.FirstName).ToListAsync(), ["John Smith", "Paul Jones"]);
        await t.DeletesAsync("r2.delete()", () => db.DeleteAsync(r2), "(2, {'Article': 1, 'Reporter': 1})");
        t.Show("r2.id", r2.Id, 0);
        await t.ShowRowsAsync("Article.objects.all()",
            () => Article.Objects(db).ToListAsync(), ["John's second story", "This is a second test", "This is a test"]);
        await t.ShowRowsAsync("""Reporter.objects.order_by("first_name")""",
            () => Reporter.Objects(db).OrderBy(x => x.FirstName).ToListAsync(), ["John Smith"]);

        t.Say("You can delete using a JOIN in the query:");
        await t.DeletesAsync("""Reporter.objects.filter(article__headline__startswith="This").delete()""",
            () => Reporter.Objects(db).Filter(x => x.Article.Headline.StartsWith("This")).DeleteAsync(), "(4, {'Article': 3, 'Reporter': 1})");
        await t.ShowRowsAsync("Reporter.objects.all()", () => Reporter.Objects(db).ToListAsync(), []);
        await t.ShowRowsAsync("Article.objects.all()", () => Article.Objects(db).ToListAsync(), []);
    }
}
