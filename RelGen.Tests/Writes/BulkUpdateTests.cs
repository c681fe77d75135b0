using RelGen.Tests.Models;
using RelGen.Tests.Support;

namespace RelGen.Tests.Writes;

/// <summary>BulkUpdateAsync (Django's bulk_update): given fields of many loaded objects in one statement.</summary>
public sealed class BulkUpdateTests : SchemaTest
{
    [SetUp]
    public async Task SeedAsync()
    {
        await TableReset.TruncateAsync(ConnectionString, "w_");
        await Db.BulkCreateAsync(Enumerable.Range(1, 300).Select(i => new Job { Title = "job " + i, Attempts = 0 }));
        Sql.Clear();
    }

    [Test]
    [Description("django: bulk_update test_simple")]
    public async Task EachRowGetsItsObjectsValuesInOneStatement()
    {
        var jobs = await Job.Objects(Db).ToListAsync();
        foreach (var job in jobs)
        {
            job.Attempts = job.Id * 2;
            job.Worker = job.Id % 2 == 0 ? "even" : null;
            job.Title = "changed but not listed";
        }
        Sql.Clear();
        var n = await Job.Objects(Db).BulkUpdateAsync(jobs, j => [j.Attempts, j.Worker]);
        Assert.That(n, Is.EqualTo(300));
        Assert.That(Sql.Commands, Is.EqualTo(new[]
        {
            "UPDATE \"w_job\" u SET \"attempts\" = v.c1, \"worker\" = v.c2 FROM unnest($1, $2, $3) AS v(c0, c1, c2) WHERE u.\"id\" = v.c0",
        }));
        var stored = await Job.Objects(Db).ToListAsync();
        Assert.That(stored.All(j => j.Attempts == j.Id * 2 && j.Worker == (j.Id % 2 == 0 ? "even" : null) && j.Title.StartsWith("job ", StringComparison.Ordinal)), Is.True);
        // The listed fields are saved; the title is still a pending change.
        Sql.Clear();
        await Db.SaveAsync(jobs[0]);
        Assert.That(Sql.Commands.Single(), Does.StartWith("UPDATE \"w_job\" SET \"title\" = $1 WHERE"));
    }

    [Test]
    [Description("django: bulk_update test_empty_objects")]
    public async Task NoObjectsSendNothing()
    {
        Assert.That(await Job.Objects(Db).BulkUpdateAsync([], j => [j.Attempts]), Is.Zero);
        Assert.That(Sql.Count, Is.Zero);
    }

    [Test]
    [Description("django: bulk_update test_unsaved_models / test_update_primary_key")]
    public void RefusalsHappenBeforeAnythingIsSent()
    {
        var unsaved = Assert.ThrowsAsync<InvalidOperationException>(() => Job.Objects(Db).BulkUpdateAsync([new Job { Title = "new" }], j => [j.Attempts]));
        Assert.That(unsaved!.Message, Does.Contain("Job"));
        Assert.ThrowsAsync<ArgumentException>(() => Job.Objects(Db).BulkUpdateAsync([new Job { Id = 1 }], j => [j.Id]));
        Assert.ThrowsAsync<ArgumentException>(() => Job.Objects(Db).BulkUpdateAsync([new Job { Id = 1 }], j => []));
        Assert.ThrowsAsync<ArgumentException>(() => Job.Objects(Db).BulkUpdateAsync([new Job { Id = 1, Title = "a" }, new Job { Id = 1, Title = "b" }], j => [j.Title]));
        Assert.ThrowsAsync<ModelValidationException>(() => Job.Objects(Db).BulkUpdateAsync([new Job { Id = 1, Title = new string('x', 41) }], j => [j.Title]));
        Assert.ThrowsAsync<ArgumentException>(() => Story.Objects(Db).BulkUpdateAsync([new Story { Id = 1 }], s => [s.Author!.FirstName]));
        Assert.That(Sql.Count, Is.Zero);
    }

    [Test]
    public async Task RowsOutsideTheQuerySetAreLeftAlone()
    {
        var jobs = await Job.Objects(Db).Filter(j => j.Id <= 10).ToListAsync();
        foreach (var job in jobs)
            job.Attempts = 9;
        var n = await Job.Objects(Db).Filter(j => j.Id > 5).BulkUpdateAsync(jobs, j => [j.Attempts]);
        Assert.That(n, Is.EqualTo(5));
        Assert.That((await Job.Objects(Db).Filter(j => j.Attempts == 9).ToListAsync()).Select(j => j.Id), Is.EqualTo(new[] { 6, 7, 8, 9, 10 }));
    }

    [Test]
    public async Task ADeletedRowIsNotCountedAndNotReinserted()
    {
        var jobs = await Job.Objects(Db).Filter(j => j.Id <= 3).ToListAsync();
        await Job.Objects(Db).Filter(j => j.Id == 2).DeleteAsync();
        foreach (var job in jobs)
            job.Attempts = 1;
        Assert.That(await Job.Objects(Db).BulkUpdateAsync(jobs, j => [j.Attempts]), Is.EqualTo(2));
        Assert.That(await Job.Objects(Db).Filter(j => j.Id == 2).ExistsAsync(), Is.False);
    }

    [Test]
    public async Task WithVersionsAStaleObjectStopsTheWholeUpdate()
    {
        var documents = Enumerable.Range(0, 5).Select(i => new Document { Title = "d" + i, Body = "b" }).ToList();
        await Db.BulkCreateAsync(documents);
        var loaded = await Document.Objects(Db).ToListAsync();
        foreach (var d in loaded)
            d.Body = "bulk";
        var n = await Document.Objects(Db).BulkUpdateAsync(loaded, d => [d.Body]);
        Assert.That(n, Is.EqualTo(5));
        Assert.That(loaded.All(d => d.Version == 1), Is.True);
        Assert.That((await Document.Objects(Db).ToListAsync()).All(d => d.Version == 1 && d.Body == "bulk"), Is.True);

        // Someone else saves one of them: the next bulk update writes nothing and names that object.
        var victim = loaded[3];
        await Document.Objects(Db).Filter(d => d.Id == victim.Id).UpdateAsync(d => d.Title.Set("theirs"));
        foreach (var d in loaded)
            d.Body = "again";
        var error = Assert.ThrowsAsync<ConcurrencyException>(() => Document.Objects(Db).BulkUpdateAsync(loaded, d => [d.Body]));
        Assert.That(error!.Key, Is.EqualTo(victim.Id.ToString()));
        Assert.That((await Document.Objects(Db).ToListAsync()).Count(d => d.Body == "again"), Is.Zero, "rolled back whole");
        Assert.That(loaded.All(d => d.Version == 1), Is.True, "the objects keep their versions");
    }

    [Test]
    public async Task WithVersionsInsideATransactionAFailureLeavesTheTransactionUsable()
    {
        var documents = new List<Document> { new() { Title = "x", Body = "b" }, new() { Title = "y", Body = "b" } };
        await Db.BulkCreateAsync(documents);
        await Document.Objects(Db).Filter(d => d.Title == "y").UpdateAsync(d => d.Body.Set("moved"));
        await using (var tx = await Db.BeginTransactionAsync())
        {
            await Db.SaveAsync(new Document { Title = "kept", Body = "b" });
            documents.ForEach(d => d.Body = "bulk");
            Assert.ThrowsAsync<ConcurrencyException>(() => Document.Objects(Db).BulkUpdateAsync(documents, d => [d.Body]));
            await Db.SaveAsync(new Document { Title = "kept too", Body = "b" });
            await tx.CommitAsync();
        }
        Assert.That(await Document.Objects(Db).Filter(d => d.Title.StartsWith("kept")).CountAsync(), Is.EqualTo(2));
        Assert.That(await Document.Objects(Db).Filter(d => d.Body == "bulk").CountAsync(), Is.Zero);
    }
}
