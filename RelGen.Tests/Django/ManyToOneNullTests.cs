using RelGen.Tests.Django.ManyToOneNull;
using RelGen.Tests.Support;

namespace RelGen.Tests.Django;

/// <summary>
/// Django's tests/many_to_one_null/tests.py against PostgreSQL: a relation that can be null, whose reverse manager
/// adds RemoveAsync, ClearAsync and SetAsync. Each test starts from Django's setUp on emptied tables.
/// </summary>
public sealed class ManyToOneNullTests : SchemaTest
{
    private Reporter _r = null!;
    private Reporter _r2 = null!;
    private Article _a = null!;
    private Article _a2 = null!;
    private Article _a3 = null!;
    private Article _a4 = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        await TableReset.TruncateAsync(ConnectionString, "m2on_");
        // Create a Reporter and an Article.
        _r = new Reporter { Name = "John Smith" };
        await Db.SaveAsync(_r);
        _a = new Article { Headline = "First", Reporter = _r };
        await Db.SaveAsync(_a);
        // Create an Article via the Reporter object.
        _a2 = await _r.ArticleSet.CreateAsync(headline: "Second");
        // Create an Article with no Reporter.
        _a3 = new Article { Headline = "Third", Reporter = null };
        await Db.SaveAsync(_a3);
        // Create another article and reporter.
        _r2 = new Reporter { Name = "Paul Jones" };
        await Db.SaveAsync(_r2);
        _a4 = await _r2.ArticleSet.CreateAsync(headline: "Fourth");
        Sql.Clear();
    }

    private static string[] Headlines(IEnumerable<Article> articles) => articles.Select(a => a.Headline).ToArray();

    private async Task<string[]> UnassignedAsync() => Headlines(await Article.Objects(Db).Filter(x => x.Reporter.IsNull()).ToListAsync());

    [Test]
    [Description("django: tests/many_to_one_null/tests.py test_get_related")]
    public async Task Test_get_related()
    {
        Assert.That(_a.Reporter!.Id, Is.EqualTo(_r.Id));
        // Article objects have access to their related Reporter objects.
        var loaded = await Article.Objects(Db).GetAsync(x => x.Id == _a.Id);
        Assert.That(loaded.Reporter!.Id, Is.EqualTo(_r.Id));
    }

    [Test]
    [Description("django: tests/many_to_one_null/tests.py test_created_via_related_set")]
    public void Test_created_via_related_set() => Assert.That(_a2.Reporter!.Id, Is.EqualTo(_r.Id));

    [Test]
    [Description("django: tests/many_to_one_null/tests.py test_related_set")]
    public async Task Test_related_set()
    {
        // Reporter objects have access to their related Article objects.
        Assert.That(Headlines(await _r.ArticleSet.ToListAsync()), Is.EqualTo(new[] { "First", "Second" }));
        Assert.That(Headlines(await _r.ArticleSet.Filter(x => x.Headline.StartsWith("Fir")).ToListAsync()), Is.EqualTo(new[] { "First" }));
        Assert.That(await _r.ArticleSet.CountAsync(), Is.EqualTo(2));
    }

    [Test]
    [Description("django: tests/many_to_one_null/tests.py test_created_without_related")]
    public async Task Test_created_without_related()
    {
        Assert.That(_a3.Reporter, Is.Null);
        // Reload a3: its relation reads null, without a query (Django's AttributeError on None.id has no C# counterpart).
        var a3 = await Article.Objects(Db).GetAsync(x => x.Id == _a3.Id);
        Sql.Clear();
        Assert.That(a3.Reporter, Is.Null);
        Assert.That(a3.ReporterId, Is.Null);
        Assert.That(Sql.Count, Is.Zero);

        // To retrieve the articles with no reporters set, use IsNull, or compare with null.
        Assert.That(await UnassignedAsync(), Is.EqualTo(new[] { "Third" }));
        Assert.That(Headlines(await Article.Objects(Db).Filter(x => x.Reporter == null).ToListAsync()), Is.EqualTo(new[] { "Third" }));

        // Set the reporter for the Third article.
        Assert.That(Headlines(await _r.ArticleSet.ToListAsync()), Is.EqualTo(new[] { "First", "Second" }));
        await _r.ArticleSet.AddAsync(a3);
        Assert.That(Headlines(await _r.ArticleSet.ToListAsync()), Is.EqualTo(new[] { "First", "Second", "Third" }));

        // Remove an article from the set, and check that it was removed.
        await _r.ArticleSet.RemoveAsync(a3);
        Assert.That(a3.Reporter, Is.Null, "the removed object is detached in memory too");
        Assert.That(Headlines(await _r.ArticleSet.ToListAsync()), Is.EqualTo(new[] { "First", "Second" }));
        Assert.That(await UnassignedAsync(), Is.EqualTo(new[] { "Third" }));
    }

    [Test]
    [Description("django: tests/many_to_one_null/tests.py test_remove_from_wrong_set")]
    public async Task Test_remove_from_wrong_set()
    {
        Assert.That(Headlines(await _r2.ArticleSet.ToListAsync()), Is.EqualTo(new[] { "Fourth" }));
        // Try to remove a4 from a set it does not belong to: Django raises Reporter.DoesNotExist.
        var error = Assert.ThrowsAsync<DoesNotExistException>(() => _r.ArticleSet.RemoveAsync(_a4));
        Assert.That(error!.Model, Is.EqualTo("Reporter"));
        Assert.That(error.Message, Does.Contain("Fourth").And.Contain("John Smith"));
        Assert.That(Headlines(await _r2.ArticleSet.ToListAsync()), Is.EqualTo(new[] { "Fourth" }));

        // A refused object among related ones changes nothing at all, without a query.
        Sql.Clear();
        Assert.ThrowsAsync<DoesNotExistException>(() => _r.ArticleSet.RemoveAsync(_a, _a4));
        Assert.That(Sql.Count, Is.Zero);
        Assert.That(_a.ReporterId, Is.EqualTo(_r.Id));
        Assert.That(Headlines(await _r.ArticleSet.ToListAsync()), Is.EqualTo(new[] { "First", "Second" }));
    }

    [Test]
    [Description("django: tests/many_to_one_null/tests.py test_set")]
    public async Task Test_set()
    {
        // SetAsync on a nullable relation: members not listed are detached (their key becomes NULL).
        await _r2.ArticleSet.SetAsync([_a2, _a3]);
        Assert.That(Headlines(await _r2.ArticleSet.ToListAsync()), Is.EqualTo(new[] { "Second", "Third" }));
        // Django's set(..., clear=True) clears first and then adds; SetAsync has no such flag and ends the same.
        await _r2.ArticleSet.SetAsync([_a3, _a4]);
        Assert.That(Headlines(await _r2.ArticleSet.ToListAsync()), Is.EqualTo(new[] { "Fourth", "Third" }));
        // Clear the rest of the set.
        await _r2.ArticleSet.SetAsync([]);
        Assert.That(await _r2.ArticleSet.ToListAsync(), Is.Empty);
        Assert.That(await UnassignedAsync(), Is.EqualTo(new[] { "Fourth", "Second", "Third" }));
    }

    [Test]
    [Description("django: tests/many_to_one_null/tests.py test_set_clear_non_bulk")]
    public async Task Test_set_clear_non_bulk()
    {
        // Django: 4 queries for set([a], bulk=False, clear=True) (read, clear, add, one save). RelGen has no bulk=False
        // mode; its SetAsync detaches the others and attaches the listed objects in one UPDATE.
        await _r.ArticleSet.SetAsync([_a]);
        Assert.That(Sql.Count, Is.EqualTo(1));
        Assert.That(Headlines(await _r.ArticleSet.ToListAsync()), Is.EqualTo(new[] { "First" }));
    }

    [Test]
    [Description("django: tests/many_to_one_null/tests.py test_assign_clear_related_set")]
    public async Task Test_assign_clear_related_set()
    {
        // Existing members of the set that are not in the assignment are set to null.
        await _r2.ArticleSet.SetAsync([_a2, _a3]);
        Assert.That(Headlines(await _r2.ArticleSet.ToListAsync()), Is.EqualTo(new[] { "Second", "Third" }));
        // Clear the rest of the set.
        await _r.ArticleSet.ClearAsync();
        Assert.That(await _r.ArticleSet.ToListAsync(), Is.Empty);
        Assert.That(await UnassignedAsync(), Is.EqualTo(new[] { "First", "Fourth" }));
    }

    [Test]
    [Description("django: tests/many_to_one_null/tests.py test_assign_with_queryset")]
    public async Task Test_assign_with_queryset()
    {
        // A query set given to SetAsync is evaluated first, so the detaching does not change what it holds (Django #19816).
        await _r2.ArticleSet.SetAsync([_a2, _a3]);
        var qs = _r2.ArticleSet.Filter(x => x.Headline == "Second");
        await _r2.ArticleSet.SetAsync(qs);
        Assert.That(await _r2.ArticleSet.CountAsync(), Is.EqualTo(1));
        Assert.That(await qs.CountAsync(), Is.EqualTo(1));
    }

    [Test]
    [Description("django: tests/many_to_one_null/tests.py test_add_efficiency")]
    public async Task Test_add_efficiency()
    {
        var r = new Reporter();
        await Db.SaveAsync(r);
        var articles = new List<Article>();
        for (var i = 0; i < 3; i++)
        {
            var article = new Article();
            await Db.SaveAsync(article);
            articles.Add(article);
        }
        Sql.Clear();
        await r.ArticleSet.AddAsync(articles.ToArray());
        Assert.That(Sql.Count, Is.EqualTo(1));
        Assert.That(await r.ArticleSet.CountAsync(), Is.EqualTo(3));
    }

    [Test]
    [Description("django: tests/many_to_one_null/tests.py test_clear_efficiency")]
    public async Task Test_clear_efficiency()
    {
        var r = new Reporter();
        await Db.SaveAsync(r);
        for (var i = 0; i < 3; i++)
            await r.ArticleSet.CreateAsync(headline: "");
        Sql.Clear();
        await r.ArticleSet.ClearAsync();
        Assert.That(Sql.Count, Is.EqualTo(1));
        Assert.That(await r.ArticleSet.CountAsync(), Is.Zero);
    }

    [Test]
    [Description("relgen: SetAsync attaches listed objects from another owner, inserts unsaved ones, and is one statement for saved ones")]
    public async Task SetAsyncMovesInsertsAndDetaches()
    {
        var fresh = new Article { Headline = "Fifth" };
        Sql.Clear();
        await _r2.ArticleSet.SetAsync([_a, fresh]);
        Assert.That(Sql.Commands.Count(c => c.StartsWith("UPDATE", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(fresh.Id, Is.Not.Zero);
        Assert.That((_a.Reporter, fresh.Reporter), Is.EqualTo((_r2, _r2)));
        Assert.That(Headlines(await _r2.ArticleSet.ToListAsync()), Is.EqualTo(new[] { "Fifth", "First" }));
        Assert.That(Headlines(await _r.ArticleSet.ToListAsync()), Is.EqualTo(new[] { "Second" }));
        Assert.That(await UnassignedAsync(), Is.EqualTo(new[] { "Fourth", "Third" }));
    }
}
