using Npgsql;
using RelGen.Tests.Models;

namespace RelGen.Tests.Runtime;

/// <summary>Saving: insert or update, relation keys, and every refusal happening before anything is written.</summary>
public sealed class SaveTests : SchemaTest
{
    private async Task<Reporter> NewReporterAsync(string first = "John")
    {
        var reporter = new Reporter { FirstName = first, LastName = "Smith", Email = "j@example.com" };
        await Db.SaveAsync(reporter);
        return reporter;
    }

    [Test]
    public async Task SaveInsertsThenUpdates()
    {
        var reporter = await NewReporterAsync();
        Assert.That(reporter.Id, Is.GreaterThan(0));
        reporter.LastName = "Smythe";
        await Db.SaveAsync(reporter);
        var loaded = await Reporter.Objects(Db).GetAsync(r => r.Id == reporter.Id);
        Assert.That(loaded.LastName, Is.EqualTo("Smythe"));
    }

    [Test]
    public async Task AnUnsavedParentIsRefusedNamingTheRelationAndNothingIsWritten()
    {
        var before = await Article.Objects(Db).CountAsync();
        var article = new Article { Headline = "Orphan", Reporter = new Reporter { FirstName = "New" } };
        Sql.Clear();
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => Db.SaveAsync(article));
        Assert.That(error!.Message, Does.Contain("Article.Reporter"));
        Assert.That(Sql.Count, Is.Zero, "nothing may be sent");
        Assert.That(await Article.Objects(Db).CountAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task AParentSavedAfterBeingAssignedIsAccepted()
    {
        var reporter = new Reporter { FirstName = "Late", LastName = "Saver", Email = "l@example.com" };
        var article = new Article { Headline = "Assigned first", PubDate = new DateOnly(2020, 1, 1), Reporter = reporter };
        await Db.SaveAsync(reporter);
        await Db.SaveAsync(article);
        Assert.That(article.ReporterId, Is.EqualTo(reporter.Id));
        var loaded = await Article.Objects(Db).GetAsync(a => a.Id == article.Id);
        Assert.That(loaded.ReporterId, Is.EqualTo(reporter.Id));
    }

    [Test]
    public async Task SettingTheKeyMovesTheObjectAndForgetsTheLoadedRelation()
    {
        var john = await NewReporterAsync("John");
        var paul = await NewReporterAsync("Paul");
        var article = new Article { Headline = "Moving", PubDate = new DateOnly(2020, 1, 1), Reporter = john };
        await Db.SaveAsync(article);
        article.ReporterId = paul.Id;
        await Db.SaveAsync(article);
        var loaded = await Article.Objects(Db).GetAsync(a => a.Id == article.Id);
        Assert.That(loaded.Reporter.FirstName, Is.EqualTo("Paul"));
    }

    [Test]
    public void AMissingRequiredRelationIsRefusedBeforeSending()
    {
        Sql.Clear();
        var error = Assert.ThrowsAsync<ModelValidationException>(() => Db.SaveAsync(new Article { Headline = "No reporter" }));
        Assert.That((error!.Model, error.Property), Is.EqualTo(("Article", "Reporter")));
        Assert.That(Sql.Count, Is.Zero);
    }

    [Test]
    public async Task ATooLongValueIsRefusedNamingModelAndProperty()
    {
        var reporter = new Reporter { FirstName = new string('x', 31), LastName = "Smith" };
        Sql.Clear();
        var error = Assert.ThrowsAsync<ModelValidationException>(() => Db.SaveAsync(reporter));
        Assert.That(error!.Message, Does.StartWith("Reporter.FirstName:").And.Contain("MaxLength(30)"));
        Assert.That(Sql.Count, Is.Zero);
        Assert.That(await Reporter.Objects(Db).Filter(r => r.LastName == "Smith" & r.FirstName.StartsWith("xxx")).ExistsAsync(), Is.False);
    }

    [Test]
    public void ANullInANotNullColumnIsRefused()
    {
        var error = Assert.ThrowsAsync<ModelValidationException>(() => Db.SaveAsync(new Reporter { FirstName = null!, LastName = "Smith" }));
        Assert.That((error!.Model, error.Property), Is.EqualTo(("Reporter", "FirstName")));
    }

    [Test]
    public void ANulCharacterIsRefused()
    {
        var error = Assert.ThrowsAsync<ModelValidationException>(() => Db.SaveAsync(new Reporter { FirstName = "a\0b", LastName = "Smith" }));
        Assert.That(error!.Message, Does.Contain("NUL"));
    }

    [Test]
    public async Task AForeignKeyViolationIsAnIntegrityException()
    {
        var article = new Article { Headline = "Dangling", PubDate = new DateOnly(2020, 1, 1), ReporterId = 987654 };
        var error = Assert.ThrowsAsync<IntegrityException>(() => Db.SaveAsync(article));
        Assert.That(error!.SqlState, Is.EqualTo(PostgresErrorCodes.ForeignKeyViolation));
        Assert.That(error.InnerException, Is.InstanceOf<PostgresException>());
        Assert.That(await Article.Objects(Db).Filter(a => a.Headline == "Dangling").ExistsAsync(), Is.False);
    }

    [Test]
    public async Task AnApplicationKeyIsInsertedOnceThenUpdatedAndADuplicateIsAUniqueViolation()
    {
        var code = Guid.NewGuid();
        var label = new Label { Code = code, Name = "first" };
        await Db.SaveAsync(label);
        label.Name = "renamed";
        await Db.SaveAsync(label);
        Assert.That((await Label.Objects(Db).GetAsync(l => l.Code == code)).Name, Is.EqualTo("renamed"));
        var error = Assert.ThrowsAsync<IntegrityException>(() => Db.SaveAsync(new Label { Code = code, Name = "again" }));
        Assert.That(error!.SqlState, Is.EqualTo(PostgresErrorCodes.UniqueViolation));
    }

    [Test]
    public async Task NullableColumnsRoundTripNull()
    {
        var label = new Label { Code = Guid.NewGuid(), Name = "n", Note = null };
        await Db.SaveAsync(label);
        var loaded = await Label.Objects(Db).GetAsync(l => l.Code == label.Code);
        Assert.That(loaded.Note, Is.Null);
        Assert.That(await Label.Objects(Db).Filter(l => l.Note.IsNull() & l.Code == label.Code).CountAsync(), Is.EqualTo(1));
    }
}
