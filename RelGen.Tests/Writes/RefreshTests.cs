using RelGen.Tests.Models;
using RelGen.Tests.Support;

namespace RelGen.Tests.Writes;

/// <summary>RefreshAsync (Django's refresh_from_db): every column read again into the same object; relations reloaded through a query set.</summary>
public sealed class RefreshTests : SchemaTest
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
        Sql.Clear();
    }

    private async Task<Story> NewStoryAsync(Reporter? author = null)
    {
        var story = new Story { Title = "s", Views = 1, Published = new DateOnly(2024, 1, 1), Author = author ?? _ann };
        await Db.SaveAsync(story);
        Sql.Clear();
        return story;
    }

    [Test]
    [Description("django: basic ModelRefreshTests test_refresh")]
    public async Task EveryColumnIsReadAgainIntoTheSameObjectWithOneQuery()
    {
        var story = await NewStoryAsync();
        await Story.Objects(Db).Filter(s => s.Id == story.Id).UpdateAsync(s => s.Views.Set(99), s => s.Tag.Set("new"), s => s.Title.Set("t2"));
        story.Likes = 5;   // a pending change the refresh discards
        Sql.Clear();
        await Db.RefreshAsync(story);
        Assert.That(Sql.Count, Is.EqualTo(1));
        Assert.That((story.Views, story.Tag, story.Title, story.Likes), Is.EqualTo((99, "new", "t2", 0)));
        Sql.Clear();
        await Db.SaveAsync(story);
        Assert.That(Sql.Count, Is.Zero, "the refreshed values are the tracked ones");
    }

    [Test]
    public async Task AGoneRowIsDoesNotExist()
    {
        var story = await NewStoryAsync();
        await Story.Objects(Db).Filter(s => s.Id == story.Id).DeleteAsync();
        var error = Assert.ThrowsAsync<DoesNotExistException>(() => Db.RefreshAsync(story));
        Assert.That(error!.Model, Is.EqualTo("Story"));
    }

    [Test]
    public void AnObjectWithoutKeyIsRefusedBeforeSending()
    {
        Assert.ThrowsAsync<InvalidOperationException>(() => Db.RefreshAsync(new Story { Title = "unsaved" }));
        Assert.That(Sql.Count, Is.Zero);
    }

    [Test]
    [Description("django: basic ModelRefreshTests test_refresh_fk")]
    public async Task ACachedRelatedObjectIsDroppedWhenTheKeyMovedAndKeptWhenNot()
    {
        var story = await NewStoryAsync();
        var loaded = await Story.Objects(Db).SelectRelated(s => s.Author).GetAsync(s => s.Id == story.Id);
        var annCopy = loaded.Author;
        await Db.RefreshAsync(loaded);
        Sql.Clear();
        Assert.That(loaded.Author, Is.SameAs(annCopy), "same key: the cached object stays");
        Assert.That(Sql.Count, Is.Zero);
        await Story.Objects(Db).Filter(s => s.Id == story.Id).UpdateAsync(s => s.Author.Set(_bob));
        await Db.RefreshAsync(loaded);
        Sql.Clear();
        Assert.That(loaded.Author!.FirstName, Is.EqualTo("Bob"), "the new key's object is loaded on first read");
        Assert.That(Sql.Count, Is.EqualTo(1));
    }

    [Test]
    [Description("django: basic ModelRefreshTests test_refresh_fk_on_delete_set_null")]
    public async Task AKeySetToNullDropsTheCachedObject()
    {
        var story = await NewStoryAsync();
        await Db.DeleteAsync(_ann);
        Assert.That(story.Author, Is.Not.Null, "still cached before the refresh");
        await Db.RefreshAsync(story);
        Assert.That((story.AuthorId, story.Author), Is.EqualTo(((int?)null, (Reporter?)null)));
    }

    [Test]
    public async Task RefreshingThroughSelectRelatedReloadsTheRelation()
    {
        var story = await NewStoryAsync();
        var author = story.Author!;
        await Reporter.Objects(Db).Filter(r => r.Id == _ann.Id).UpdateAsync(r => r.LastName.Set("Renamed"));
        Sql.Clear();
        await Story.Objects(Db).SelectRelated(s => s.Author).RefreshAsync(story);
        Assert.That(Sql.Count, Is.EqualTo(1), "one JOIN reads both");
        Assert.That(story.Author!.LastName, Is.EqualTo("Renamed"));
        Assert.That(author.LastName, Is.EqualTo("Lee"), "the old object is replaced, not changed");
    }

    [Test]
    public async Task RefreshingThroughPrefetchRelatedReloadsTheSet()
    {
        await NewStoryAsync();
        var ann = (await Reporter.Objects(Db).PrefetchRelated(r => r.Story).Filter(r => r.Id == _ann.Id).ToListAsync()).Single();
        await Db.SaveAsync(new Story { Title = "second", Published = new DateOnly(2024, 1, 2), Author = _ann });
        Sql.Clear();
        Assert.That(await ann.StorySet.CountAsync(), Is.EqualTo(1), "the prefetched set is stale");
        Assert.That(Sql.Count, Is.Zero);
        await Reporter.Objects(Db).PrefetchRelated(r => r.Story).RefreshAsync(ann);
        Assert.That(Sql.Count, Is.EqualTo(2), "the row and the set");
        Assert.That(await ann.StorySet.CountAsync(), Is.EqualTo(2));
        Assert.That(Sql.Count, Is.EqualTo(2), "served from the new prefetch");
        Assert.That((await ann.StorySet.ToListAsync()).All(s => ReferenceEquals(s.Author, ann)), Is.True, "the set points at the refreshed object");
    }

    [Test]
    [Description("django: basic ModelRefreshTests test_prefetched_cache_cleared")]
    public async Task APlainRefreshDropsWhatAPrefetchLoaded()
    {
        await NewStoryAsync();
        var ann = (await Reporter.Objects(Db).PrefetchRelated(r => r.Story).Filter(r => r.Id == _ann.Id).ToListAsync()).Single();
        await Db.SaveAsync(new Story { Title = "second", Published = new DateOnly(2024, 1, 2), Author = _ann });
        await Db.RefreshAsync(ann);
        Sql.Clear();
        Assert.That(await ann.StorySet.CountAsync(), Is.EqualTo(2));
        Assert.That(Sql.Count, Is.EqualTo(1), "asked the database again");
    }

    [Test]
    [Description("django: basic ModelRefreshTests test_refresh_for_update")]
    public async Task RefreshingWithSelectForUpdateLocksTheRow()
    {
        var story = await NewStoryAsync();
        await using var other = RelGenDatabase.Create(ConnectionString);
        await using (var tx = await Db.BeginTransactionAsync())
        {
            await Story.Objects(Db).SelectForUpdate().RefreshAsync(story);
            Assert.That(Sql.Commands.Last(), Does.EndWith("FOR UPDATE"));
            // Another database handle: its work never joins this flow's transaction.
            var blocked = Story.Objects(other).Filter(s => s.Id == story.Id).UpdateAsync(s => s.Views.Set(7));
            await Task.Delay(300);
            Assert.That(blocked.IsCompleted, Is.False, "the refreshed row is locked");
            story.Views = 3;
            await Db.SaveAsync(story);
            await tx.CommitAsync();
            Assert.That(await blocked, Is.EqualTo(1));
        }
        await Db.RefreshAsync(story);
        Assert.That(story.Views, Is.EqualTo(7), "the waiting update ran after the commit");
    }

    [Test]
    public async Task RefreshingThroughAFilteredQuerySetNeedsTheRowToMatch()
    {
        var story = await NewStoryAsync();
        Assert.ThrowsAsync<DoesNotExistException>(() => Story.Objects(Db).Filter(s => s.Views > 100).RefreshAsync(story));
        await _bob.StorySet.CountAsync();
        Assert.ThrowsAsync<DoesNotExistException>(() => _bob.StorySet.RefreshAsync(story), "another owner's manager does not hold it");
        await _ann.StorySet.RefreshAsync(story);
    }
}
