using RelGen.Tests.Models;
using RelGen.Tests.Support;

namespace RelGen.Tests.Writes;

/// <summary>Set-based UPDATE (Django's update(), EF Core's ExecuteUpdate): one statement, expressions over the row, refusals before sending.</summary>
public sealed class UpdateAsyncTests : SchemaTest
{
    private Reporter _ann = null!;
    private Reporter _bob = null!;

    [SetUp]
    public async Task SeedAsync()
    {
        await TableReset.TruncateAsync(ConnectionString, "story");
        _ann = new Reporter { FirstName = "Ann", LastName = "Lee" };
        _bob = new Reporter { FirstName = "Bob", LastName = "Ray" };
        await Db.SaveAsync(_ann);
        await Db.SaveAsync(_bob);
        var day = new DateOnly(2024, 1, 1);
        await Db.BulkCreateAsync(new[]
        {
            new Story { Title = "a", Views = 10, Likes = 1, Price = 1.5m, Published = day, Author = _ann },
            new Story { Title = "b", Views = 20, Likes = 2, Price = 2m, Published = day, Author = _ann },
            new Story { Title = "c", Views = 30, Likes = 3, Price = 10m, Published = day, Author = _bob },
            new Story { Title = "d", Views = 40, Likes = 4, Price = 4m, Published = day },
        });
        Sql.Clear();
    }

    private async Task<Dictionary<string, Story>> StoriesAsync()
        => (await Story.Objects(Db).ToListAsync()).ToDictionary(s => s.Title);

    [Test]
    [Description("django: update test_update_multiple_fields")]
    public async Task OneStatementWithConstantsAndExpressionsReturnsTheRowCount()
    {
        var n = await Story.Objects(Db).Filter(s => s.Views >= 20).UpdateAsync(s => s.Tag.Set("hot"), s => s.Views.Set(s.Views + 1), s => s.Price.Set(s.Price * 2));
        Assert.That(n, Is.EqualTo(3));
        Assert.That(Sql.Commands, Is.EqualTo(new[]
        {
            "UPDATE \"story\" t0 SET \"tag\" = $1, \"views\" = (t0.\"views\" + $2), \"price\" = (t0.\"price\" * $3) WHERE t0.\"views\" >= $4",
        }));
        var now = await StoriesAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((now["a"].Tag, now["a"].Views, now["a"].Price), Is.EqualTo(((string?)null, 10, 1.5m)));
            Assert.That((now["b"].Tag, now["b"].Views, now["b"].Price), Is.EqualTo(("hot", 21, 4m)));
            Assert.That((now["d"].Tag, now["d"].Views, now["d"].Price), Is.EqualTo(("hot", 41, 8m)));
        }
    }

    [Test]
    public async Task AFieldSetFromAnotherFieldOfTheRow()
    {
        await Story.Objects(Db).UpdateAsync(s => s.Likes.Set(s.Views - s.Likes));
        var now = await StoriesAsync();
        Assert.That(now.Values.OrderBy(s => s.Title).Select(s => s.Likes), Is.EqualTo(new[] { 9, 18, 27, 36 }));
    }

    [Test]
    [Description("django: update test_update_fk")]
    public async Task ARelatedFilterBecomesAKeySubquery()
    {
        var n = await Story.Objects(Db).Filter(s => s.Author!.FirstName == "Ann").UpdateAsync(s => s.Views.Set(0));
        Assert.That(n, Is.EqualTo(2));
        Assert.That(Sql.Commands.Single(), Is.EqualTo(
            "UPDATE \"story\" t0 SET \"views\" = $1 WHERE t0.\"id\" IN (SELECT t1.\"id\" FROM \"story\" t1 LEFT OUTER JOIN \"reporter\" t2 ON t2.\"id\" = t1.\"author_id\" WHERE t2.\"first_name\" = $2)"));
        var now = await StoriesAsync();
        Assert.That(now.Values.OrderBy(s => s.Title).Select(s => s.Views), Is.EqualTo(new[] { 0, 0, 30, 40 }));
    }

    [Test]
    public async Task ARequiredForwardRelationIsJoinedInTheUpdatesFrom()
    {
        var day = new DateOnly(2024, 1, 1);
        await Db.SaveAsync(new Article { Headline = "ann's", PubDate = day, Reporter = _ann });
        await Db.SaveAsync(new Article { Headline = "bob's", PubDate = day, Reporter = _bob });
        Sql.Clear();
        var n = await Article.Objects(Db).Filter(a => a.Reporter.FirstName == "Ann").UpdateAsync(a => a.Headline.Set("by Ann"));
        Assert.That(n, Is.EqualTo(1));
        Assert.That(Sql.Commands.Single(), Is.EqualTo(
            "UPDATE \"article\" t0 SET \"headline\" = $1 FROM \"reporter\" t1 WHERE t1.\"id\" = t0.\"reporter_id\" AND t1.\"first_name\" = $2"));
        Assert.That((await Article.Objects(Db).GetAsync(a => a.Reporter == _bob)).Headline, Is.EqualTo("bob's"));
        await Article.Objects(Db).Filter(a => a.Reporter == _ann).DeleteAsync();
        await Article.Objects(Db).Filter(a => a.Reporter == _bob).DeleteAsync();
    }

    [Test]
    public async Task AReverseConditionOnTheUpdatedModelBecomesAKeySubquery()
    {
        var n = await Reporter.Objects(Db).Filter(r => r.Story.Views > 25).UpdateAsync(r => r.LastName.Set("Popular"));
        Assert.That(n, Is.EqualTo(1));
        Assert.That((await Reporter.Objects(Db).GetAsync(r => r.Id == _bob.Id)).LastName, Is.EqualTo("Popular"));
        Assert.That((await Reporter.Objects(Db).GetAsync(r => r.Id == _ann.Id)).LastName, Is.EqualTo("Lee"));
    }

    [Test]
    public async Task AnExcludeAcrossAReverseRelationIsANotExistsOnTheUpdatedRow()
    {
        var n = await Reporter.Objects(Db).Filter(r => r.Id == _ann.Id | r.Id == _bob.Id).Exclude(r => r.Story.Views > 25).UpdateAsync(r => r.Email.Set("quiet@example.com"));
        Assert.That(n, Is.EqualTo(1));
        Assert.That((await Reporter.Objects(Db).GetAsync(r => r.Id == _ann.Id)).Email, Is.EqualTo("quiet@example.com"));
    }

    [Test]
    public async Task ASlicedQueryUpdatesOnlyItsRowsInItsOrder()
    {
        // Django refuses an update of a sliced query; EF Core's ExecuteUpdate takes one, and so does RelGen (a key subquery).
        var n = await Story.Objects(Db).OrderBy(s => s.Views.Desc()).Take(2).UpdateAsync(s => s.Tag.Set("top"));
        Assert.That(n, Is.EqualTo(2));
        var now = await StoriesAsync();
        Assert.That(now.Values.Where(s => s.Tag == "top").Select(s => s.Title).Order(), Is.EqualTo(new[] { "c", "d" }));
        Assert.That(Sql.Commands[0], Does.Contain("IN (SELECT").And.Contain("ORDER BY t1.\"views\" DESC LIMIT $2"));
    }

    [Test]
    public async Task ARelationIsSetToAnObjectOrToNull()
    {
        Assert.That(await Story.Objects(Db).Filter(s => s.Author == _ann).UpdateAsync(s => s.Author.Set(_bob)), Is.EqualTo(2));
        Assert.That(await Story.Objects(Db).Filter(s => s.Author == _bob).CountAsync(), Is.EqualTo(3));
        Assert.That(await Story.Objects(Db).Filter(s => s.Title == "c").UpdateAsync(s => s.Author.Set(null)), Is.EqualTo(1));
        Assert.That(await Story.Objects(Db).Filter(s => s.Author.IsNull()).CountAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task ARequiredRelationCannotBeSetToNull()
    {
        var error = Assert.ThrowsAsync<ModelValidationException>(() => Article.Objects(Db).UpdateAsync(a => a.Reporter.Set(null)));
        Assert.That((error!.Model, error.Property), Is.EqualTo(("Article", "ReporterId")));
        Assert.That(Sql.Count, Is.Zero);
    }

    [Test]
    public async Task RelatedModelsFieldsAreRefusedBeforeAnythingIsSent()
    {
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => Story.Objects(Db).UpdateAsync(s => s.Views.Set(1), s => s.Author!.FirstName.Set("X")));
        Assert.That(error!.Message, Does.Contain("Story").And.Contain("Author.FirstName").And.Contain("Nothing was sent"));
        var datePart = Assert.ThrowsAsync<InvalidOperationException>(() => Story.Objects(Db).UpdateAsync(s => s.Published.Year.Set(2000)));
        Assert.That(datePart!.Message, Does.Contain("a part of a date"));
        Assert.That(Sql.Count, Is.Zero);
        Assert.That((await StoriesAsync())["a"].Views, Is.EqualTo(10));
    }

    [Test]
    public async Task ARelationsKeyReadThroughTheRelationIsTheRowsOwnColumn()
    {
        // s.Author.Id is story.author_id (Django's author__pk): no join, so it may be read.
        var n = await Story.Objects(Db).Filter(s => s.Author != null).UpdateAsync(s => s.Likes.Set(s.Author!.Id * 100));
        Assert.That(n, Is.EqualTo(3));
        Assert.That((await StoriesAsync())["c"].Likes, Is.EqualTo(_bob.Id * 100));
    }

    [Test]
    public async Task AnExpressionReadingARelatedModelIsRefusedBeforeSending()
    {
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => Story.Objects(Db).UpdateAsync(s => s.Title.Set(s.Author!.LastName)));
        Assert.That(error!.Message, Does.Contain("Author").And.Contain("LastName").And.Contain("Nothing was sent"));
        Assert.That(Sql.Count, Is.Zero);
        Assert.That((await StoriesAsync())["a"].Title, Is.EqualTo("a"));
    }

    [Test]
    public async Task ValuesAreCheckedAsSaveAsyncChecksThem()
    {
        var tooLong = Assert.ThrowsAsync<ModelValidationException>(() => Story.Objects(Db).UpdateAsync(s => s.Title.Set(new string('x', 41))));
        Assert.That(tooLong!.Message, Does.StartWith("Story.Title:").And.Contain("MaxLength(40)"));
        var nul = Assert.ThrowsAsync<ModelValidationException>(() => Story.Objects(Db).UpdateAsync(s => s.Tag.Set("a\0b")));
        Assert.That(nul!.Message, Does.Contain("NUL"));
        var notNull = Assert.ThrowsAsync<ModelValidationException>(() => Story.Objects(Db).UpdateAsync(s => s.Title.SetNull()));
        Assert.That(notNull!.Property, Is.EqualTo("Title"));
        Assert.That(Sql.Count, Is.Zero);
    }

    [Test]
    public void NoAssignmentsOrTheSameColumnTwiceIsRefused()
    {
        Assert.ThrowsAsync<ArgumentException>(() => Story.Objects(Db).UpdateAsync());
        var twice = Assert.ThrowsAsync<ArgumentException>(() => Story.Objects(Db).UpdateAsync(s => s.Views.Set(1), s => s.Views.Set(2)));
        Assert.That(twice!.Message, Does.Contain("Story.Views"));
        Assert.That(Sql.Count, Is.Zero);
    }

    [Test]
    [Description("django: update test_empty_update")]
    public async Task AnUpdateMatchingNothingReturnsZero()
    {
        Assert.That(await Story.Objects(Db).Filter(s => s.Views > 1000).UpdateAsync(s => s.Views.Set(0)), Is.Zero);
        Assert.That(Sql.Count, Is.EqualTo(1));
    }

    [Test]
    [Description("django: update test_nonempty_update")]
    public async Task AReverseManagerUpdatesItsOwnersObjectsAndDropsItsPrefetchedSet()
    {
        var ann = (await Reporter.Objects(Db).PrefetchRelated(r => r.Story).Filter(r => r.Id == _ann.Id).ToListAsync()).Single();
        Assert.That((await ann.StorySet.ToListAsync()).Select(s => s.Views), Is.EquivalentTo(new[] { 10, 20 }));
        var n = await ann.StorySet.UpdateAsync(s => s.Views.Set(s.Views * 10));
        Assert.That(n, Is.EqualTo(2));
        Assert.That((await ann.StorySet.ToListAsync()).Select(s => s.Views), Is.EquivalentTo(new[] { 100, 200 }), "read again, not from the stale prefetch");
        Assert.That((await StoriesAsync())["c"].Views, Is.EqualTo(30));
    }

    [Test]
    public async Task ConcurrentIncrementsFromTwoConnectionsLoseNothing()
    {
        // Read-modify-write would lose increments; an expression runs in the database, row lock by row lock.
        await using var other = RelGenDatabase.Create(ConnectionString);
        var tasks = new List<Task>();
        for (var i = 0; i < 10; i++)
        {
            tasks.Add(Story.Objects(Db).Filter(s => s.Title == "a").UpdateAsync(s => s.Views.Set(s.Views + 1)));
            tasks.Add(Story.Objects(other).Filter(s => s.Title == "a").UpdateAsync(s => s.Views.Set(s.Views + 1)));
        }
        await Task.WhenAll(tasks);
        Assert.That((await StoriesAsync())["a"].Views, Is.EqualTo(30));
    }
}
