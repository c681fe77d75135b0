using RelGen.Tests.Models;
using RelGen.Tests.Support;

namespace RelGen.Tests.Writes;

/// <summary>
/// Objects RelGen has not seen (a deserialized DTO, a Dapper row): SaveAsync inserts a Guid-keyed one, db.UpdateAsync updates
/// the row with its key (Django's save(force_update=True)), and saving given fields updates those only.
/// </summary>
public sealed class UpdateByKeyTests : SchemaTest
{
    [SetUp]
    public Task ResetAsync() => TableReset.TruncateAsync(ConnectionString, "w_");

    [Test]
    public async Task AGuidKeyedDtoIsUpdatedByItsKeyAndThenTracked()
    {
        var code = Guid.NewGuid();
        await Db.SaveAsync(new Label { Code = code, Name = "original", Note = "n" });
        var dto = new Label { Code = code, Name = "from the API", Note = null };
        // SaveAsync of an unseen object with a Guid key means a new row (a Guid key is assigned like a default): a duplicate.
        Assert.ThrowsAsync<IntegrityException>(() => Db.SaveAsync(dto));
        Sql.Clear();
        await Db.UpdateAsync(dto);
        Assert.That(Sql.Commands, Is.EqualTo(new[] { "UPDATE \"label\" SET \"name\" = $1, \"note\" = $2 WHERE \"code\" = $3" }));
        var stored = await Label.Objects(Db).GetAsync(l => l.Code == code);
        Assert.That((stored.Name, stored.Note), Is.EqualTo(("from the API", (string?)null)));
        // Tracked from now on: an unchanged save sends nothing, a change sends its column.
        Sql.Clear();
        await Db.SaveAsync(dto);
        Assert.That(Sql.Count, Is.Zero);
        dto.Note = "later";
        await Db.SaveAsync(dto);
        Assert.That(Sql.Commands.Single(), Does.StartWith("UPDATE \"label\" SET \"note\" = $1"));
    }

    [Test]
    public async Task UpdatingAKeyWithNoRowIsDoesNotExistAndInsertsNothing()
    {
        var dto = new Label { Code = Guid.NewGuid(), Name = "ghost" };
        var error = Assert.ThrowsAsync<DoesNotExistException>(() => Db.UpdateAsync(dto));
        Assert.That(error!.Model, Is.EqualTo("Label"));
        Assert.That(await Label.Objects(Db).Filter(l => l.Code == dto.Code).ExistsAsync(), Is.False);
    }

    [Test]
    public void UpdatingAnObjectWithoutKeyOrWithABadValueIsRefusedBeforeSending()
    {
        Sql.Clear();
        Assert.ThrowsAsync<InvalidOperationException>(() => Db.UpdateAsync(new Label { Name = "no key" }));
        Assert.ThrowsAsync<ModelValidationException>(() => Db.UpdateAsync(new Label { Code = Guid.NewGuid(), Name = new string('x', 21) }));
        Assert.That(Sql.Count, Is.Zero);
    }

    [Test]
    public async Task AVersionedDtoMustCarryTheRowsVersion()
    {
        var document = new Document { Title = "t", Body = "b" };
        await Db.SaveAsync(document);
        document.Body = "b2";
        await Db.SaveAsync(document);
        var current = new Document { Id = document.Id, Title = "dto", Body = "from client", Version = 1 };
        await Db.UpdateAsync(current);
        Assert.That(current.Version, Is.EqualTo(2));
        var stale = new Document { Id = document.Id, Title = "stale", Body = "old client", Version = 1 };
        Assert.ThrowsAsync<ConcurrencyException>(() => Db.UpdateAsync(stale));
        var stored = await Document.Objects(Db).GetAsync(d => d.Id == document.Id);
        Assert.That((stored.Title, stored.Version), Is.EqualTo(("dto", 2)));
    }

    [Test]
    public async Task APartialDtoSavesTheFieldsItCarries()
    {
        var code = Guid.NewGuid();
        await Db.SaveAsync(new Label { Code = code, Name = "name", Note = "keep me" });
        var patch = new Label { Code = code, Name = "patched" };
        await Label.Objects(Db).SaveAsync(patch, l => [l.Name]);
        var stored = await Label.Objects(Db).GetAsync(l => l.Code == code);
        Assert.That((stored.Name, stored.Note), Is.EqualTo(("patched", "keep me")));
    }
}
