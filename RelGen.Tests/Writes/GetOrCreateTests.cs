using Npgsql;
using RelGen.Tests.Models;
using RelGen.Tests.Support;

namespace RelGen.Tests.Writes;

/// <summary>
/// Django's get_or_create and update_or_create: read first, create on a miss, and when the create loses a race (a unique
/// violation) read the winner's row. Inside a transaction the create runs in a savepoint.
/// </summary>
public sealed class GetOrCreateTests : SchemaTest
{
    [SetUp]
    public async Task ResetAsync()
    {
        await TableReset.TruncateAsync(ConnectionString, "w_");
        await TableReset.TruncateAsync(ConnectionString, "article");
        Sql.Clear();
    }

    [Test]
    [Description("django: get_or_create test_get_or_create_method_with_get")]
    public async Task AnExistingObjectIsReturnedWithOneQuery()
    {
        var tag = new Tag { Slug = "news", Name = "News" };
        await Db.SaveAsync(tag);
        Sql.Clear();
        var (found, created) = await Tag.Objects(Db).GetOrCreateAsync(t => t.Slug == "news", () => throw new AssertionException("not called"));
        Assert.That((found.Id, found.Name, created), Is.EqualTo((tag.Id, "News", false)));
        Assert.That(Sql.Count, Is.EqualTo(1));
    }

    [Test]
    [Description("django: get_or_create test_get_or_create_method_with_create")]
    public async Task AMissingObjectIsCreatedWithARead_ThenOneInsert()
    {
        var (tag, created) = await Tag.Objects(Db).GetOrCreateAsync(t => t.Slug == "news", () => new Tag { Slug = "news", Name = "News" });
        Assert.That(created, Is.True);
        Assert.That(tag.Id, Is.GreaterThan(0));
        Assert.That(Sql.Commands, Has.Count.EqualTo(2));
        Assert.That(Sql.Commands[1], Does.StartWith("INSERT INTO \"w_tag\""));
        var (again, createdAgain) = await Tag.Objects(Db).GetOrCreateAsync(t => t.Slug == "news", () => new Tag { Slug = "news" });
        Assert.That((again.Id, createdAgain), Is.EqualTo((tag.Id, false)));
    }

    [Test]
    [Description("django: get_or_create test_get_or_create_on_related_manager")]
    public async Task AReverseManagerCreatesTheObjectPointingAtItsOwner()
    {
        var reporter = new Reporter { FirstName = "Ann", LastName = "Lee" };
        await Db.SaveAsync(reporter);
        var day = new DateOnly(2024, 5, 1);
        var (story, made) = await reporter.ArticleSet.GetOrCreateAsync(a => a.Headline == "x", () => new Article { Headline = "x", PubDate = day });
        Assert.That(made, Is.True);
        Assert.That(story.ReporterId, Is.EqualTo(reporter.Id));
        Assert.That(story.Reporter, Is.SameAs(reporter));
        var (same, madeAgain) = await reporter.ArticleSet.GetOrCreateAsync(a => a.Headline == "x", () => new Article { Headline = "x", PubDate = day });
        Assert.That((same.Id, madeAgain), Is.EqualTo((story.Id, false)));
        // Another reporter's manager does not see it: its own object is created.
        var other = new Reporter { FirstName = "Bob", LastName = "Ray" };
        await Db.SaveAsync(other);
        var (theirs, theirsMade) = await other.ArticleSet.GetOrCreateAsync(a => a.Headline == "x", () => new Article { Headline = "x", PubDate = day });
        Assert.That((theirsMade, theirs.ReporterId), Is.EqualTo((true, other.Id)));
    }

    [Test]
    public async Task SeveralMatchesAreMultipleObjectsReturned()
    {
        await Db.SaveAsync(new Tag { Slug = "a", Name = "same" });
        await Db.SaveAsync(new Tag { Slug = "b", Name = "same" });
        Assert.ThrowsAsync<MultipleObjectsReturnedException>(() => Tag.Objects(Db).GetOrCreateAsync(t => t.Name == "same", () => new Tag()));
    }

    [Test]
    public async Task InsideATransactionTheCreateRunsInASavepoint()
    {
        await using var tx = await Db.BeginTransactionAsync();
        Sql.Clear();
        var (tag, created) = await Tag.Objects(Db).GetOrCreateAsync(t => t.Slug == "in-tx", () => new Tag { Slug = "in-tx" });
        Assert.That(created, Is.True);
        Assert.That(Sql.Commands.Select(c => c.Split(' ')[0]), Is.EqualTo(new[] { "SELECT", "SAVEPOINT", "INSERT", "RELEASE" }));
        await tx.CommitAsync();
        Assert.That(await Tag.Objects(Db).Filter(t => t.Id == tag.Id).ExistsAsync(), Is.True);
    }

    [Test]
    [Description("django: get_or_create test_savepoint_rollback")]
    public async Task AFailedCreateInsideATransactionLeavesTheTransactionUsable()
    {
        await Db.SaveAsync(new Tag { Slug = "taken", Name = "first" });
        await using (var tx = await Db.BeginTransactionAsync())
        {
            await Db.SaveAsync(new Tag { Slug = "before", Name = "kept" });
            // The lookup does not find the row the insert clashes with, so the unique violation is the caller's to see.
            var error = Assert.ThrowsAsync<IntegrityException>(() => Tag.Objects(Db).GetOrCreateAsync(t => t.Name == "second", () => new Tag { Slug = "taken", Name = "second" }));
            Assert.That(error!.SqlState, Is.EqualTo(PostgresErrorCodes.UniqueViolation));
            await Db.SaveAsync(new Tag { Slug = "after", Name = "kept" });
            await tx.CommitAsync();
        }
        Assert.That(await Tag.Objects(Db).Filter(t => t.Name == "kept").CountAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task EightConcurrentCallersCreateOneRowAndAllGetIt()
    {
        const int callers = 8;
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, callers * 2), io);
        try
        {
            for (var round = 0; round < 3; round++)
            {
                var slug = "race-" + round;
                // Every caller has read (and missed) before any inserts: the race is forced, not hoped for.
                using var allMissed = new Barrier(callers);
                Sql.Clear();
                var results = await Task.WhenAll(Enumerable.Range(0, callers).Select(i => Task.Run(() =>
                    Tag.Objects(Db).GetOrCreateAsync(t => t.Slug == slug, () =>
                    {
                        allMissed.SignalAndWait(TimeSpan.FromSeconds(30));
                        return new Tag { Slug = slug, Name = "caller " + i };
                    }))));
                Assert.That(results.Count(r => r.Created), Is.EqualTo(1), $"round {round}");
                Assert.That(results.Select(r => r.Object.Id).Distinct().Count(), Is.EqualTo(1), "everyone got the one row");
                Assert.That(Sql.Commands.Count(c => c.StartsWith("INSERT", StringComparison.Ordinal)), Is.EqualTo(callers), "every caller tried its insert");
                Assert.That(await Tag.Objects(Db).Filter(t => t.Slug == slug).CountAsync(), Is.EqualTo(1));
            }
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, io);
        }
    }

    [Test]
    public async Task EightConcurrentCallersInTransactionsOfTheirOwnCreateOneRow()
    {
        const int callers = 8;
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, callers * 2), io);
        try
        {
            using var allMissed = new Barrier(callers);
            var results = await Task.WhenAll(Enumerable.Range(0, callers).Select(i => Task.Run(async () =>
            {
                await using var tx = await Db.BeginTransactionAsync();
                var result = await Tag.Objects(Db).GetOrCreateAsync(t => t.Slug == "tx-race", () =>
                {
                    allMissed.SignalAndWait(TimeSpan.FromSeconds(30));
                    return new Tag { Slug = "tx-race", Name = "caller " + i };
                });
                // The losers' inserts wait for the winner's transaction, then fail and read its row.
                await tx.CommitAsync();
                return result;
            })));
            Assert.That(results.Count(r => r.Created), Is.EqualTo(1));
            Assert.That(results.Select(r => r.Object.Id).Distinct().Count(), Is.EqualTo(1));
            Assert.That(await Tag.Objects(Db).Filter(t => t.Slug == "tx-race").CountAsync(), Is.EqualTo(1));
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, io);
        }
    }

    [Test]
    [Description("django: get_or_create test_update_only_defaults_and_pre_save_fields_when_local_fields")]
    public async Task UpdateOrCreateCreatesWithTheUpdateAppliedThenUpdatesOnlyWhatChanged()
    {
        var (tag, created) = await Tag.Objects(Db).UpdateOrCreateAsync(t => t.Slug == "news", t => t.Name = "News", () => new Tag { Slug = "news" });
        Assert.That((created, tag.Name), Is.EqualTo((true, "News")), "the update runs on the created object too");
        Sql.Clear();
        var (same, createdAgain) = await Tag.Objects(Db).UpdateOrCreateAsync(t => t.Slug == "news", t => t.Name = "Latest", () => new Tag { Slug = "news" });
        Assert.That((same.Id, same.Name, createdAgain), Is.EqualTo((tag.Id, "Latest", false)));
        Assert.That(Sql.Commands, Is.EqualTo(new[]
        {
            "BEGIN",
            "SELECT t0.\"id\", t0.\"slug\", t0.\"name\", t0.\"uses\" FROM \"w_tag\" t0 WHERE t0.\"slug\" = $1 LIMIT 21 FOR UPDATE OF t0",
            "UPDATE \"w_tag\" SET \"name\" = $1 WHERE \"id\" = $2",
            "COMMIT",
        }));
        Assert.That((await Tag.Objects(Db).GetAsync(t => t.Slug == "news")).Name, Is.EqualTo("Latest"));
    }

    [Test]
    [Description("django: get_or_create test_create_with_related_manager")]
    public async Task UpdateOrCreateOnAReverseManagerPointsTheNewObjectAtTheOwner()
    {
        var reporter = new Reporter { FirstName = "Ann", LastName = "Lee" };
        await Db.SaveAsync(reporter);
        var (article, created) = await reporter.ArticleSet.UpdateOrCreateAsync(a => a.Headline == "h", a => a.PubDate = new DateOnly(2024, 2, 2),
            () => new Article { Headline = "h" });
        Assert.That((created, article.ReporterId, article.PubDate), Is.EqualTo((true, reporter.Id, new DateOnly(2024, 2, 2))));
    }

    [Test]
    public async Task EightConcurrentUpdateOrCreateCallersLoseNoUpdate()
    {
        // Each caller adds one use; the row lock queues the updates and the unique violation turns losing creates into updates.
        await using var other = RelGenDatabase.Create(ConnectionString);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            Tag.Objects(i % 2 == 0 ? Db : other).UpdateOrCreateAsync(t => t.Slug == "counter", t => t.Uses++, () => new Tag { Slug = "counter" }))));
        Assert.That(results.Count(r => r.Created), Is.EqualTo(1));
        Assert.That((await Tag.Objects(Db).GetAsync(t => t.Slug == "counter")).Uses, Is.EqualTo(8));
    }

    [Test]
    [Description("django: get_or_create test_updates_in_transaction")]
    public async Task UpdateOrCreateHoldsTheRowLockUntilItCommits()
    {
        await Db.SaveAsync(new Tag { Slug = "locked", Name = "before" });
        await using var other = RelGenDatabase.Create(ConnectionString);
        using var holding = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        var updateOrCreate = Task.Run(() => Tag.Objects(Db).UpdateOrCreateAsync(t => t.Slug == "locked", t =>
        {
            t.Name = "by update_or_create";
            holding.Release();
            release.Wait(TimeSpan.FromSeconds(30));
        }, () => new Tag { Slug = "locked" }));
        Assert.That(await holding.WaitAsync(TimeSpan.FromSeconds(30)), Is.True);
        var blocked = Tag.Objects(other).Filter(t => t.Slug == "locked").UpdateAsync(t => t.Uses.Set(t.Uses + 5));
        await Task.Delay(300);
        Assert.That(blocked.IsCompleted, Is.False, "the other connection waits for the row lock");
        release.Release();
        await updateOrCreate;
        Assert.That(await blocked, Is.EqualTo(1));
        var stored = await Tag.Objects(Db).GetAsync(t => t.Slug == "locked");
        Assert.That((stored.Name, stored.Uses), Is.EqualTo(("by update_or_create", 5)));
    }

    [Test]
    public async Task UpdateOrCreateIsAtomic_AFailingSaveLeavesNothing()
    {
        await Db.SaveAsync(new Tag { Slug = "x", Name = "old" });
        var error = Assert.ThrowsAsync<ModelValidationException>(() =>
            Tag.Objects(Db).UpdateOrCreateAsync(t => t.Slug == "x", t => t.Name = new string('n', 31), () => new Tag { Slug = "x" }));
        Assert.That(error!.Property, Is.EqualTo("Name"));
        Assert.That((await Tag.Objects(Db).GetAsync(t => t.Slug == "x")).Name, Is.EqualTo("old"));
    }
}
