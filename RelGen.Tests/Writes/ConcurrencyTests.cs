using RelGen.Tests.Models;
using RelGen.Tests.Support;

namespace RelGen.Tests.Writes;

/// <summary>
/// Optimistic concurrency: a [ConcurrencyCheck] version is matched and moved on by every UPDATE; a save of an object whose row
/// changed or went away meanwhile throws ConcurrencyException and writes nothing.
/// </summary>
public sealed class ConcurrencyTests : SchemaTest
{
    [SetUp]
    public Task ResetAsync() => TableReset.TruncateAsync(ConnectionString, "w_");

    private async Task<Document> NewDocumentAsync(string title = "Draft")
    {
        var document = new Document { Title = title, Body = "text" };
        await Db.SaveAsync(document);
        Sql.Clear();
        return document;
    }

    [Test]
    public async Task ASaveMatchesTheVersionAndMovesItOn()
    {
        var document = await NewDocumentAsync();
        Assert.That(document.Version, Is.Zero, "inserted with the value it holds");
        document.Title = "Second";
        await Db.SaveAsync(document);
        Assert.That(Sql.Commands, Is.EqualTo(new[]
        {
            "UPDATE \"w_document\" SET \"title\" = $1, \"version\" = \"version\" + 1 WHERE \"id\" = $2 AND \"version\" = $3",
        }));
        Assert.That(document.Version, Is.EqualTo(1));
        var stored = await Document.Objects(Db).GetAsync(d => d.Id == document.Id);
        Assert.That((stored.Title, stored.Version), Is.EqualTo(("Second", 1)));
    }

    [Test]
    public async Task AnUnchangedObjectSendsNothingAndKeepsItsVersion()
    {
        var document = await NewDocumentAsync();
        await Db.SaveAsync(document);
        Assert.That(Sql.Count, Is.Zero);
        Assert.That(document.Version, Is.Zero);
    }

    [Test]
    public async Task ASaveOfAStaleCopyFromAnotherConnectionThrowsAndWritesNothing()
    {
        var document = await NewDocumentAsync();
        await using var otherDb = RelGenDatabase.Create(ConnectionString);
        var mine = await Document.Objects(Db).GetAsync(d => d.Id == document.Id);
        var theirs = await Document.Objects(otherDb).GetAsync(d => d.Id == document.Id);
        theirs.Title = "Theirs";
        await otherDb.SaveAsync(theirs);
        mine.Title = "Mine";
        mine.Body = "my body";
        Sql.Clear();
        var error = Assert.ThrowsAsync<ConcurrencyException>(() => Db.SaveAsync(mine));
        Assert.That(error, Is.InstanceOf<RelGenException>());
        Assert.That((error!.Model, error.Key, error.Version), Is.EqualTo(("Document", document.Id.ToString(), "0")));
        Assert.That(Sql.Commands, Has.Count.EqualTo(1), "the one UPDATE that matched nothing; no insert");
        var stored = await Document.Objects(Db).GetAsync(d => d.Id == document.Id);
        Assert.That((stored.Title, stored.Body, stored.Version), Is.EqualTo(("Theirs", "text", 1)));
        Assert.That(mine.Version, Is.Zero, "the failed save left the object as it was");
    }

    [Test]
    public async Task TwoConcurrentSavesOfOneVersionLetExactlyOneWin()
    {
        var document = await NewDocumentAsync();
        await using var otherDb = RelGenDatabase.Create(ConnectionString);
        for (var round = 0; round < 5; round++)
        {
            var a = await Document.Objects(Db).GetAsync(d => d.Id == document.Id);
            var b = await Document.Objects(otherDb).GetAsync(d => d.Id == document.Id);
            a.Body = "a" + round;
            b.Body = "b" + round;
            var results = await Task.WhenAll(SaveAsync(Db, a), SaveAsync(otherDb, b));
            Assert.That(results.Count(won => won), Is.EqualTo(1), $"round {round}");
            var stored = await Document.Objects(Db).GetAsync(d => d.Id == document.Id);
            Assert.That(stored.Version, Is.EqualTo(round + 1));
            Assert.That(stored.Body, Is.EqualTo(results[0] ? "a" + round : "b" + round));
        }

        static async Task<bool> SaveAsync(RelGenDatabase db, Document d)
        {
            try
            {
                await db.SaveAsync(d);
                return true;
            }
            catch (ConcurrencyException)
            {
                return false;
            }
        }
    }

    [Test]
    public async Task ASaveOfAnObjectWhoseRowWasDeletedThrowsInsteadOfInsertingItAgain()
    {
        var document = await NewDocumentAsync();
        await Document.Objects(Db).Filter(d => d.Id == document.Id).DeleteAsync();
        document.Title = "Back?";
        Sql.Clear();
        Assert.ThrowsAsync<ConcurrencyException>(() => Db.SaveAsync(document));
        Assert.That(Sql.Commands, Has.Count.EqualTo(1));
        Assert.That(await Document.Objects(Db).CountAsync(), Is.Zero);
    }

    [Test]
    public async Task AfterAConflictARefreshTakesTheRowsVersionAndTheSaveGoesThrough()
    {
        var document = await NewDocumentAsync();
        await Document.Objects(Db).Filter(d => d.Id == document.Id).UpdateAsync(d => d.Body.Set("changed elsewhere"));
        document.Title = "Mine";
        Assert.ThrowsAsync<ConcurrencyException>(() => Db.SaveAsync(document));
        await Db.RefreshAsync(document);
        Assert.That((document.Title, document.Body, document.Version), Is.EqualTo(("Draft", "changed elsewhere", 1)));
        document.Title = "Mine";
        await Db.SaveAsync(document);
        Assert.That(document.Version, Is.EqualTo(2));
    }

    [Test]
    public async Task UpdateAsyncMovesTheVersionOnUnlessItSetsIt()
    {
        var document = await NewDocumentAsync();
        await Document.Objects(Db).UpdateAsync(d => d.Body.Set("x"));
        Assert.That(Sql.Commands.Single(), Is.EqualTo("UPDATE \"w_document\" t0 SET \"body\" = $1, \"version\" = t0.\"version\" + 1"));
        Assert.That((await Document.Objects(Db).GetAsync(d => d.Id == document.Id)).Version, Is.EqualTo(1));
        await Document.Objects(Db).UpdateAsync(d => d.Version.Set(10));
        Assert.That((await Document.Objects(Db).GetAsync(d => d.Id == document.Id)).Version, Is.EqualTo(10));
    }

    [Test]
    public async Task SavingGivenFieldsMatchesTheVersionToo()
    {
        var document = await NewDocumentAsync();
        var stale = await Document.Objects(Db).GetAsync(d => d.Id == document.Id);
        document.Title = "New";
        await Document.Objects(Db).SaveAsync(document, d => [d.Title]);
        Assert.That(document.Version, Is.EqualTo(1));
        stale.Body = "stale";
        Assert.ThrowsAsync<ConcurrencyException>(() => Document.Objects(Db).SaveAsync(stale, d => [d.Body]));
        Assert.That((await Document.Objects(Db).GetAsync(d => d.Id == document.Id)).Body, Is.EqualTo("text"));
    }

    [Test]
    public async Task ALongVersionOnAnIdentityKeyedModel()
    {
        var ledger = new Ledger { Name = "cash", Balance = 10m };
        await Db.SaveAsync(ledger);
        ledger.Balance = 20m;
        await Db.SaveAsync(ledger);
        Assert.That(ledger.Revision, Is.EqualTo(1L));
        var copy = await Ledger.Objects(Db).GetAsync(l => l.Id == ledger.Id);
        Assert.That(copy.Revision, Is.EqualTo(1L));
        ledger.Balance = 30m;
        await Db.SaveAsync(ledger);
        copy.Balance = 40m;
        Assert.ThrowsAsync<ConcurrencyException>(() => Db.SaveAsync(copy));
    }

    [Test]
    public async Task AManagerMoveMovesTheVersionOnInTheDatabaseAndInTheObjects()
    {
        var keeper = new Reporter { FirstName = "Kim", LastName = "Keeper" };
        await Db.SaveAsync(keeper);
        var ledger = new Ledger { Name = "petty", Balance = 1m };
        await Db.SaveAsync(ledger);
        var stale = await Ledger.Objects(Db).GetAsync(l => l.Id == ledger.Id);
        await keeper.Ledgers.AddAsync(ledger);
        Assert.That(ledger.Revision, Is.EqualTo(1L), "the object holds the version the move gave the row");
        ledger.Balance = 2m;
        await Db.SaveAsync(ledger);
        Assert.That(ledger.Revision, Is.EqualTo(2L));
        stale.Balance = 99m;
        Assert.ThrowsAsync<ConcurrencyException>(() => Db.SaveAsync(stale), "a copy from before the move is stale");
        await keeper.Ledgers.RemoveAsync(ledger);
        Assert.That(ledger.Revision, Is.EqualTo(3L));
        var stored = await Ledger.Objects(Db).GetAsync(l => l.Id == ledger.Id);
        Assert.That((stored.KeeperId, stored.Revision, stored.Balance), Is.EqualTo(((int?)null, 3L, 2m)));
    }
}
