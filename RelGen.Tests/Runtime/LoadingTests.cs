using RelGen.Tests.Models;

namespace RelGen.Tests.Runtime;

/// <summary>Forward loading (lazy, SelectRelated, fetch modes) and reverse prefetching, counted in round trips.</summary>
public sealed class LoadingTests : SchemaTest
{
    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        foreach (var name in new[] { "Ann", "Bob", "Cid" })
        {
            var reporter = new Reporter { FirstName = name, LastName = "Writer" };
            await Db.SaveAsync(reporter);
            for (var i = 0; i < 2; i++)
                await reporter.ArticleSet.CreateAsync(headline: $"{name} {i}", pubDate: new DateOnly(2020, 1, i + 1));
        }
    }

    [Test]
    public async Task LazyLoadingCostsOneQueryPerObjectByDefault()
    {
        var articles = await Article.Objects(Db).ToListAsync();
        Sql.Clear();
        var names = articles.Select(a => a.Reporter.FirstName).ToList();
        Assert.That(names, Is.EqualTo(new[] { "Ann", "Ann", "Bob", "Bob", "Cid", "Cid" }));
        Assert.That(Sql.Count, Is.EqualTo(6));
    }

    [Test]
    public async Task SelectRelatedLoadsInTheSameQuery()
    {
        Sql.Clear();
        var articles = await Article.Objects(Db).SelectRelated(a => a.Reporter).ToListAsync();
        var names = articles.Select(a => a.Reporter.FirstName).ToList();
        Assert.That(names, Is.EqualTo(new[] { "Ann", "Ann", "Bob", "Bob", "Cid", "Cid" }));
        Assert.That(Sql.Count, Is.EqualTo(1));
        Assert.That(Sql.Commands[0], Does.Contain("INNER JOIN \"reporter\""));
    }

    [Test]
    public async Task PeersModeLoadsTheRelationForTheWholeResultInOneQuery()
    {
        var articles = await Article.Objects(Db).WithFetchMode(FetchMode.Peers).ToListAsync();
        Sql.Clear();
        var names = articles.Select(a => a.Reporter.FirstName).ToList();
        Assert.That(names, Is.EqualTo(new[] { "Ann", "Ann", "Bob", "Bob", "Cid", "Cid" }));
        Assert.That(Sql.Count, Is.EqualTo(1));
        Assert.That(articles[0].Reporter, Is.SameAs(articles[1].Reporter), "peers share one loaded object per key");
    }

    [Test]
    public async Task RaiseModeRefusesAnUnplannedLoad()
    {
        var articles = await Article.Objects(Db).WithFetchMode(FetchMode.Raise).ToListAsync();
        Sql.Clear();
        var error = Assert.Throws<RelationNotLoadedException>(() => _ = articles[0].Reporter);
        Assert.That(error!.Message, Does.Contain("Article.Reporter").And.Contain("SelectRelated"));
        Assert.That(Sql.Count, Is.Zero);
        var planned = await Article.Objects(Db).WithFetchMode(FetchMode.Raise).SelectRelated(a => a.Reporter).ToListAsync();
        Assert.That(planned[0].Reporter.FirstName, Is.EqualTo("Ann"));
    }

    [Test]
    public async Task ADatabaseWideFetchModeApplies()
    {
        await using var strict = RelGenDatabase.Create(ConnectionString);
        strict.FetchMode = FetchMode.Raise;
        var article = await Article.Objects(strict).FirstOrDefaultAsync();
        Assert.Throws<RelationNotLoadedException>(() => _ = article!.Reporter);
    }

    [Test]
    public async Task ADatabaseWidePeersModeGroupsTheObjectsOfAPlainQuery()
    {
        // A query without a fetch mode of its own reads plain rows unless the database's mode needs a peer group.
        var sql = new Support.SqlCapture();
        await using var peers = RelGenDatabase.Create(ConnectionString, sql);
        peers.FetchMode = FetchMode.Peers;
        var articles = await Article.Objects(peers).ToListAsync();
        sql.Clear();
        var names = articles.Select(a => a.Reporter.FirstName).ToList();
        Assert.That(names, Is.EqualTo(new[] { "Ann", "Ann", "Bob", "Bob", "Cid", "Cid" }));
        Assert.That(sql.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task PrefetchRelatedLoadsEveryReverseSetInOneExtraQuery()
    {
        Sql.Clear();
        var reporters = await Reporter.Objects(Db).OrderBy(r => r.FirstName).PrefetchRelated(r => r.Article).ToListAsync();
        Assert.That(Sql.Count, Is.EqualTo(2));
        Assert.That(Sql.Commands[1], Does.Contain("= ANY(ARRAY(SELECT unnest($1)))"));
        var sets = new List<string[]>();
        foreach (var reporter in reporters)
            sets.Add((await reporter.ArticleSet.ToListAsync()).Select(a => a.Headline).ToArray());
        Assert.That(Sql.Count, Is.EqualTo(2), "the manager serves the prefetched set");
        Assert.That(sets, Is.EqualTo(new[] { new[] { "Ann 0", "Ann 1" }, new[] { "Bob 0", "Bob 1" }, new[] { "Cid 0", "Cid 1" } }));
    }

    [Test]
    public async Task AChangeThroughTheManagerDropsThePrefetchedSet()
    {
        var reporter = new Reporter { FirstName = "Dee", LastName = "Writer" };
        await Db.SaveAsync(reporter);
        var loaded = (await Reporter.Objects(Db).Filter(r => r.Id == reporter.Id).PrefetchRelated(r => r.Article).ToListAsync())[0];
        Assert.That(await loaded.ArticleSet.ToListAsync(), Is.Empty);
        await loaded.ArticleSet.CreateAsync(headline: "Dee new", pubDate: new DateOnly(2021, 1, 1));
        Assert.That((await loaded.ArticleSet.ToListAsync()).Select(a => a.Headline), Is.EqualTo(new[] { "Dee new" }));
        await Db.DeleteAsync(reporter);
    }

    [Test]
    public void SelectRelatedRefusesAReverseRelation()
        => Assert.Throws<ArgumentException>(() => Reporter.Objects(Db).SelectRelated(r => r.Article));
}
