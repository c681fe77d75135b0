using RelGen.Tests.Models;
using RelGen.Tests.Support;

namespace RelGen.Tests.Writes;

/// <summary>Change-only saves (Django's update of changed fields, EF Core's change tracking) and saving given fields only (Django's update_fields).</summary>
public sealed class ChangeOnlySaveTests : SchemaTest
{
    private Reporter _reporter = null!;

    [SetUp]
    public async Task SeedAsync()
    {
        await TableReset.TruncateAsync(ConnectionString, "story");
        _reporter = new Reporter { FirstName = "Ann", LastName = "Lee", Email = "ann@example.com" };
        await Db.SaveAsync(_reporter);
        Sql.Clear();
    }

    private async Task<Story> NewStoryAsync(string title = "First")
    {
        var story = new Story { Title = title, Views = 1, Likes = 2, Price = 3m, Published = new DateOnly(2024, 1, 1), Author = _reporter };
        await Db.SaveAsync(story);
        Sql.Clear();
        return story;
    }

    [Test]
    public async Task AnUnchangedLoadedObjectSendsNothing()
    {
        var story = await NewStoryAsync();
        var loaded = await Story.Objects(Db).GetAsync(s => s.Id == story.Id);
        Sql.Clear();
        await Db.SaveAsync(loaded);
        await Db.SaveAsync(story);
        Assert.That(Sql.Count, Is.Zero, "no change, no statement");
    }

    [Test]
    public async Task OnlyChangedColumnsAreSent()
    {
        var story = await NewStoryAsync();
        var loaded = await Story.Objects(Db).GetAsync(s => s.Id == story.Id);
        loaded.Views = 10;
        loaded.Tag = "news";
        Sql.Clear();
        await Db.SaveAsync(loaded);
        Assert.That(Sql.Commands, Is.EqualTo(new[] { "UPDATE \"story\" SET \"tag\" = $1, \"views\" = $2 WHERE \"id\" = $3" }));
        // A second save of the same state sends nothing: the saved values are the new baseline.
        Sql.Clear();
        await Db.SaveAsync(loaded);
        Assert.That(Sql.Count, Is.Zero);
    }

    [Test]
    public async Task AChangedOnlyColumnDoesNotRevertAConcurrentChangeOfAnother()
    {
        var story = await NewStoryAsync();
        var mine = await Story.Objects(Db).GetAsync(s => s.Id == story.Id);
        var theirs = await Story.Objects(Db).GetAsync(s => s.Id == story.Id);
        theirs.Likes = 99;
        await Db.SaveAsync(theirs);
        mine.Views = 50;
        await Db.SaveAsync(mine);
        var now = await Story.Objects(Db).GetAsync(s => s.Id == story.Id);
        Assert.That((now.Views, now.Likes), Is.EqualTo((50, 99)));
    }

    [Test]
    public async Task SettingARelationSendsItsKeyOnly()
    {
        var story = await NewStoryAsync();
        var other = new Reporter { FirstName = "Bob", LastName = "Ray" };
        await Db.SaveAsync(other);
        story.Author = other;
        Sql.Clear();
        await Db.SaveAsync(story);
        Assert.That(Sql.Commands, Is.EqualTo(new[] { "UPDATE \"story\" SET \"author_id\" = $1 WHERE \"id\" = $2" }));
        Assert.That((await Story.Objects(Db).GetAsync(s => s.Id == story.Id)).AuthorId, Is.EqualTo(other.Id));
    }

    [Test]
    public async Task AnEnumANullableDateAndANullableRelationKeyAreTrackedLikeAnyColumn()
    {
        var story = await NewStoryAsync();
        var loaded = await Story.Objects(Db).GetAsync(s => s.Id == story.Id);
        loaded.Priority = Priority.High;
        loaded.Updated = new DateOnly(2024, 2, 1);
        loaded.Author = null;
        Sql.Clear();
        await Db.SaveAsync(loaded);
        Assert.That(Sql.Commands, Is.EqualTo(new[] { "UPDATE \"story\" SET \"updated\" = $1, \"priority\" = $2, \"author_id\" = $3 WHERE \"id\" = $4" }));
        Sql.Clear();
        await Db.SaveAsync(loaded);
        Assert.That(Sql.Count, Is.Zero, "the saved values are the new baseline");
        // Another session moves the enum back; after a refresh that value is the baseline, and a change of it is sent again.
        await Story.Objects(Db).Filter(s => s.Id == story.Id).UpdateAsync(s => s.Priority.Set(Priority.Low));
        await Db.RefreshAsync(loaded);
        Assert.That((loaded.Priority, loaded.Updated, loaded.AuthorId), Is.EqualTo((Priority.Low, (DateOnly?)new DateOnly(2024, 2, 1), (int?)null)));
        Sql.Clear();
        await Db.SaveAsync(loaded);
        Assert.That(Sql.Count, Is.Zero, "the refreshed values are the tracked ones");
        loaded.Priority = Priority.Normal;
        await Db.SaveAsync(loaded);
        Assert.That(Sql.Commands.Single(), Is.EqualTo("UPDATE \"story\" SET \"priority\" = $1 WHERE \"id\" = $2"));
        Assert.That((await Story.Objects(Db).GetAsync(s => s.Id == story.Id)).Priority, Is.EqualTo(Priority.Normal));
    }

    [Test]
    [Description("django: update_only_fields test_update_fields_basic")]
    public async Task SaveGivenFieldsSendsThoseWhetherOrNotTheyChangedAndNoOther()
    {
        var story = await NewStoryAsync();
        story.Views = 7;
        story.Likes = 8;
        Sql.Clear();
        await Story.Objects(Db).SaveAsync(story, s => [s.Views, s.Title]);
        Assert.That(Sql.Commands, Has.Count.EqualTo(1));
        Assert.That(Sql.Commands[0], Does.StartWith("UPDATE \"story\" t0 SET \"views\" = $1, \"title\" = $2 WHERE"));
        var now = await Story.Objects(Db).GetAsync(s => s.Id == story.Id);
        Assert.That((now.Views, now.Likes), Is.EqualTo((7, 2)), "Likes was not listed, so it is not saved");
        // Likes is still a pending change; Views is saved.
        Sql.Clear();
        await Db.SaveAsync(story);
        Assert.That(Sql.Commands, Is.EqualTo(new[] { "UPDATE \"story\" SET \"likes\" = $1 WHERE \"id\" = $2" }));
    }

    [Test]
    [Description("django: update_only_fields test_empty_update_fields")]
    public async Task SaveOfNoFieldsSendsNothing()
    {
        var story = await NewStoryAsync();
        story.Views = 100;
        Sql.Clear();
        await Story.Objects(Db).SaveAsync(story, s => []);
        Assert.That(Sql.Count, Is.Zero);
    }

    [Test]
    [Description("django: update_only_fields test_update_fields_incorrect_params")]
    public async Task SaveGivenFieldsRefusesRelatedFieldsAndTheKeyBeforeSending()
    {
        var story = await NewStoryAsync();
        var related = Assert.ThrowsAsync<ArgumentException>(() => Story.Objects(Db).SaveAsync(story, s => [s.Author!.FirstName]));
        Assert.That(related!.Message, Does.Contain("Story").And.Contain("Author.FirstName"));
        var key = Assert.ThrowsAsync<ArgumentException>(() => Story.Objects(Db).SaveAsync(story, s => [s.Id]));
        Assert.That(key!.Message, Does.Contain("Story.Id"));
        Assert.That(Sql.Count, Is.Zero);
    }

    [Test]
    public async Task SaveGivenFieldsChecksTheirValuesBeforeSending()
    {
        var story = await NewStoryAsync();
        story.Title = new string('x', 41);
        var error = Assert.ThrowsAsync<ModelValidationException>(() => Story.Objects(Db).SaveAsync(story, s => [s.Title]));
        Assert.That((error!.Model, error.Property), Is.EqualTo(("Story", "Title")));
        Assert.That(Sql.Count, Is.Zero);
    }

    [Test]
    public async Task SaveGivenFieldsOfADeletedRowIsDoesNotExistAndInsertsNothing()
    {
        var story = await NewStoryAsync();
        await Story.Objects(Db).Filter(s => s.Id == story.Id).DeleteAsync();
        story.Views = 3;
        var error = Assert.ThrowsAsync<DoesNotExistException>(() => Story.Objects(Db).SaveAsync(story, s => [s.Views]));
        Assert.That(error!.Model, Is.EqualTo("Story"));
        Assert.That(await Story.Objects(Db).CountAsync(), Is.Zero);
    }

    [Test]
    public async Task SaveGivenFieldsThroughAFilteredQuerySetNeedsTheRowToMatch()
    {
        var story = await NewStoryAsync();
        story.Views = 500;
        var error = Assert.ThrowsAsync<DoesNotExistException>(() => Story.Objects(Db).Filter(s => s.Views > 1000).SaveAsync(story, s => [s.Views]));
        Assert.That(error!.Message, Does.Contain("matches the query"));
        Assert.That((await Story.Objects(Db).GetAsync(s => s.Id == story.Id)).Views, Is.EqualTo(1));
        await Story.Objects(Db).Filter(s => s.Views < 1000).SaveAsync(story, s => [s.Views]);
        Assert.That((await Story.Objects(Db).GetAsync(s => s.Id == story.Id)).Views, Is.EqualTo(500));
    }

    [Test]
    public async Task WithoutAVersionSavingAnObjectWhoseRowWasDeletedInsertsItAgain()
    {
        var story = await NewStoryAsync();
        await Story.Objects(Db).Filter(s => s.Id == story.Id).DeleteAsync();
        story.Views = 42;
        Sql.Clear();
        await Db.SaveAsync(story);
        Assert.That(Sql.Commands, Has.Count.EqualTo(2), "an UPDATE that matched nothing, then the INSERT");
        Assert.That(Sql.Commands[1], Does.StartWith("INSERT INTO \"story\""));
        var back = await Story.Objects(Db).GetAsync(s => s.Id == story.Id);
        Assert.That((back.Title, back.Views), Is.EqualTo(("First", 42)));
    }
}
