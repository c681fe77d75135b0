using RelGen.Tests.Models;
using RelGen.Tests.Support;

namespace RelGen.Tests.Runtime;

/// <summary>
/// How a query-set delete chooses its rows (Django's delete compiler): by its filters on the table itself when they read only
/// the model's own columns and the query is neither sliced nor locking, else by the key subquery. Either way the same rows go
/// and the counts are the database's.
/// </summary>
public sealed class QuerySetDeleteConditionTests : SchemaTest
{
    private async Task ReporterWithArticlesAsync(string name, int articles)
    {
        var reporter = new Reporter { FirstName = name, LastName = "Condition" };
        await Db.SaveAsync(reporter);
        for (var i = 0; i < articles; i++)
            await reporter.ArticleSet.CreateAsync(headline: $"{name} {i}", pubDate: new DateOnly(2020, 1, 1));
    }

    private string DeleteStatement() => Sql.Commands.Single(c => c.Contains("DELETE FROM", StringComparison.Ordinal));

    [Test]
    public async Task FiltersOnTheModelsOwnColumnsAreTheDeletesOwnCondition()
    {
        await ReporterWithArticlesAsync("OwnA", 2);
        await ReporterWithArticlesAsync("OwnA", 1);
        await ReporterWithArticlesAsync("OwnB", 3);
        Sql.Clear();

        var result = await Reporter.Objects(Db).Filter(r => r.FirstName == "OwnA").Exclude(r => r.LastName == "Other").DeleteAsync();

        Assert.That(result.PerModel, Is.EquivalentTo(new Dictionary<string, int> { ["Reporter"] = 2, ["Article"] = 3 }));
        var delete = DeleteStatement();
        Assert.That(delete, Does.Contain("DELETE FROM \"reporter\" t0 WHERE ((t0.\"first_name\" = $1) AND (((t0.\"last_name\" = $2) IS NOT TRUE)))"),
            "one scan of the table, no key subquery");
        Assert.That(delete, Does.Not.Contain(" IN (SELECT"));
        Assert.That(await Reporter.Objects(Db).Filter(r => r.FirstName == "OwnB").CountAsync(), Is.EqualTo(1));
        Assert.That(await Article.Objects(Db).Filter(a => a.Headline.StartsWith("OwnB")).CountAsync(), Is.EqualTo(3));
    }

    [Test]
    public async Task AFilterThroughARelationOrASliceChoosesByKey()
    {
        await ReporterWithArticlesAsync("ViaJoin", 2);
        await ReporterWithArticlesAsync("Sliced", 1);
        await ReporterWithArticlesAsync("Sliced", 1);
        Sql.Clear();

        var joined = await Reporter.Objects(Db).Filter(r => r.Article.Headline.StartsWith("ViaJoin")).DeleteAsync();
        Assert.That(joined.PerModel, Is.EquivalentTo(new Dictionary<string, int> { ["Reporter"] = 1, ["Article"] = 2 }));
        Assert.That(DeleteStatement(), Does.Contain("t0 WHERE (t0.\"id\" IN (SELECT DISTINCT t0.\"id\" FROM \"reporter\" t0")
            .Or.Contain("t0 WHERE (t0.\"id\" IN (SELECT t0.\"id\" FROM \"reporter\" t0"));

        Sql.Clear();
        var sliced = await Reporter.Objects(Db).Filter(r => r.FirstName == "Sliced").OrderBy(r => r.Id).Take(1).DeleteAsync();
        Assert.That(sliced.PerModel, Is.EquivalentTo(new Dictionary<string, int> { ["Reporter"] = 1, ["Article"] = 1 }));
        Assert.That(DeleteStatement(), Does.Contain("t0 WHERE (t0.\"id\" IN (SELECT t0.\"id\" FROM \"reporter\" t0 WHERE t0.\"first_name\" = $1 ORDER BY t0.\"id\" ASC LIMIT $2))"));
        Assert.That(await Reporter.Objects(Db).Filter(r => r.FirstName == "Sliced").CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task ALockingQuerySetSkipsTheRowsAnotherTransactionHolds()
    {
        await TableReset.TruncateAsync(ConnectionString, "w_");
        await Db.BulkCreateAsync(Enumerable.Range(1, 4).Select(i => new Job { Title = "skip " + i }));
        var held = await Job.Objects(Db).GetAsync(j => j.Title == "skip 2");

        // Another session holds a lock on one row for the whole delete.
        await using var otherLock = await HeldRowLock.TakeAsync(ConnectionString, "w_job", held.Id);
        Sql.Clear();

        await using (var tx = await Db.BeginTransactionAsync())
        {
            // Waiting for the held row would be cancelled (and fail the test) instead of hanging it.
            using var waitingTooLong = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var result = await Job.Objects(Db).SelectForUpdate(skipLocked: true).Filter(j => j.Title.StartsWith("skip")).DeleteAsync(waitingTooLong.Token);
            Assert.That(result.PerModel, Is.EquivalentTo(new Dictionary<string, int> { ["Job"] = 3 }), "the held row is skipped, not waited for");
            await tx.CommitAsync();
        }
        Assert.That(DeleteStatement(), Does.Contain(" IN (SELECT t0.\"id\" FROM \"w_job\" t0 WHERE").And.Contain("FOR UPDATE SKIP LOCKED)"));
        await otherLock.ReleaseAsync();
        Assert.That((await Job.Objects(Db).ToListAsync()).Select(j => j.Title), Is.EqualTo(new[] { "skip 2" }));
    }
}
