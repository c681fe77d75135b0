using RelGen.Tests.Models;
using RelGen.Tests.Support;

namespace RelGen.Tests.Writes;

/// <summary>Row locks (Django's select_for_update): inside a transaction only, NOWAIT, SKIP LOCKED with Take for job queues, OF.</summary>
public sealed class SelectForUpdateTests : SchemaTest
{
    [SetUp]
    public async Task SeedAsync()
    {
        await TableReset.TruncateAsync(ConnectionString, "w_");
        await Db.BulkCreateAsync(Enumerable.Range(1, 20).Select(i => new Job { Title = "job " + i }));
        Sql.Clear();
    }

    /// <summary>A transaction on a connection of its own, in a flow of its own (ambient transactions belong to one async flow).</summary>
    private static Task<T> InOtherTransactionAsync<T>(RelGenDatabase db, Func<Task<T>> work, Task? holdUntil = null)
    {
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(async () =>
            {
                await using var tx = await db.BeginTransactionAsync();
                var result = await work();
                if (holdUntil is not null)
                    await holdUntil;
                await tx.CommitAsync();
                return result;
            });
        }
    }

    /// <summary>
    /// The SQLSTATE of a refused lock: today Npgsql's PostgresException; a typed RelGen error for lock failures (the errors
    /// work) carries the same SqlState.
    /// </summary>
    private static string? SqlStateOf(Exception e) => e.GetType().GetProperty("SqlState")?.GetValue(e) as string;

    [Test]
    [Description("django: select_for_update test_for_update_requires_transaction")]
    public void OutsideATransactionReadingIsRefusedAndNothingIsSent()
    {
        var locked = Job.Objects(Db).SelectForUpdate();
        Assert.ThrowsAsync<InvalidOperationException>(() => locked.ToListAsync());
        Assert.ThrowsAsync<InvalidOperationException>(() => locked.FirstOrDefaultAsync());
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => locked.GetAsync(j => j.Title == "job 1"));
        Assert.That(error!.Message, Does.Contain("SelectForUpdate").And.Contain("Job").And.Contain("transaction"));
        Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in locked)
            {
            }
        });
        Assert.That(Sql.Count, Is.Zero);
    }

    [Test]
    [Description("django: select_for_update test_for_update_sql_generated / test_for_update_sql_generated_nowait / test_for_update_sql_generated_skip_locked")]
    public async Task TheLockClauseFollowsTheOptions()
    {
        await using var tx = await Db.BeginTransactionAsync();
        await Job.Objects(Db).SelectForUpdate().ToListAsync();
        await Job.Objects(Db).SelectForUpdate(noWait: true).ToListAsync();
        await Job.Objects(Db).Filter(j => j.Done == false).SelectForUpdate(skipLocked: true, of: j => [j]).Take(2).ToListAsync();
        await Job.Objects(Db).SelectForUpdate(noKey: true).ToListAsync();
        await tx.CommitAsync();
        var selects = Sql.Commands.Where(c => c.StartsWith("SELECT", StringComparison.Ordinal)).ToList();
        Assert.That(selects[0], Does.EndWith("ORDER BY t0.\"id\" ASC FOR UPDATE"));
        Assert.That(selects[1], Does.EndWith("FOR UPDATE NOWAIT"));
        Assert.That(selects[2], Does.EndWith("LIMIT $2 FOR UPDATE OF t0 SKIP LOCKED"));
        Assert.That(selects[3], Does.EndWith("FOR NO KEY UPDATE"));
    }

    [Test]
    public async Task AnUpdateOfASkipLockedQuerySetSkipsTheRowsAnotherTransactionHolds()
    {
        var held = await Job.Objects(Db).GetAsync(j => j.Title == "job 2");
        // Another session holds a lock on one row for the whole update.
        await using var otherLock = await HeldRowLock.TakeAsync(ConnectionString, "w_job", held.Id);
        Sql.Clear();

        await using (var tx = await Db.BeginTransactionAsync())
        {
            // Waiting for the held row would be cancelled (and fail the test) instead of hanging it.
            using var waitingTooLong = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var updated = await Job.Objects(Db).SelectForUpdate(skipLocked: true).Filter(j => j.Done == false)
                .UpdateAsync([j => j.Done.Set(true)], waitingTooLong.Token);
            Assert.That(updated, Is.EqualTo(19), "the held row is skipped, not waited for");
            await tx.CommitAsync();
        }
        var update = Sql.Commands.Single(c => c.StartsWith("UPDATE", StringComparison.Ordinal));
        Assert.That(update, Does.Contain(" IN (SELECT t1.\"id\" FROM \"w_job\" t1 WHERE").And.EndWith("FOR UPDATE SKIP LOCKED)"));
        await otherLock.ReleaseAsync();
        Assert.That((await Job.Objects(Db).Filter(j => j.Done == false).ToListAsync()).Select(j => j.Title), Is.EqualTo(new[] { "job 2" }));
    }

    [Test]
    public void ConflictingOptionsAndDistinctAreRefused()
    {
        Assert.Throws<ArgumentException>(() => Job.Objects(Db).SelectForUpdate(noWait: true, skipLocked: true));
        Assert.Throws<ArgumentException>(() => Story.Objects(Db).SelectForUpdate(of: s => [s.Author!]), "a nullable relation is an outer join");
        Assert.Throws<ArgumentException>(() => Reporter.Objects(Db).SelectForUpdate(of: r => [r.Article]), "a reverse relation");
        Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var tx = await Db.BeginTransactionAsync();
            await Job.Objects(Db).Distinct().SelectForUpdate().ToListAsync();
        });
        Assert.That(Sql.Commands.Where(c => c.StartsWith("SELECT", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    [Description("django: select_for_update test_nowait_raises_error_on_block")]
    public async Task NoWaitFailsAtOnceOnALockedRow()
    {
        await using var other = RelGenDatabase.Create(ConnectionString);
        var held = new TaskCompletionSource();
        var locked = new TaskCompletionSource();
        var holder = InOtherTransactionAsync(other, async () =>
        {
            var job = await Job.Objects(other).SelectForUpdate().GetAsync(j => j.Title == "job 1");
            locked.SetResult();
            return job;
        }, held.Task);
        await locked.Task;
        try
        {
            await using var tx = await Db.BeginTransactionAsync();
            var error = Assert.CatchAsync(() => Job.Objects(Db).SelectForUpdate(noWait: true).GetAsync(j => j.Title == "job 1"));
            Assert.That(SqlStateOf(error!), Is.EqualTo("55P03"), "lock_not_available");
        }
        finally
        {
            held.SetResult();
            await holder;
        }
    }

    [Test]
    [Description("django: select_for_update test_block")]
    public async Task WithoutOptionsAReaderWaitsForTheLockHolder()
    {
        await using var other = RelGenDatabase.Create(ConnectionString);
        var held = new TaskCompletionSource();
        var locked = new TaskCompletionSource();
        var holder = InOtherTransactionAsync(other, async () =>
        {
            var job = await Job.Objects(other).SelectForUpdate().GetAsync(j => j.Title == "job 1");
            job.Attempts = 5;
            await other.SaveAsync(job);
            locked.SetResult();
            return job;
        }, held.Task);
        await locked.Task;
        await using var tx = await Db.BeginTransactionAsync();
        Task<Job> waiting;
        try
        {
            waiting = Job.Objects(Db).SelectForUpdate().GetAsync(j => j.Title == "job 1");
            await Task.Delay(300);
            Assert.That(waiting.IsCompleted, Is.False, "blocked by the other transaction's lock");
        }
        finally
        {
            held.TrySetResult();
        }
        await holder;
        Assert.That((await waiting).Attempts, Is.EqualTo(5), "read after the holder committed: its change is seen");
        await tx.CommitAsync();
    }

    [Test]
    public async Task TwoWorkersTakeDisjointJobsWithSkipLockedAndTake()
    {
        await using var other = RelGenDatabase.Create(ConnectionString);
        var firstTaken = new TaskCompletionSource();
        var secondDone = new TaskCompletionSource();
        var first = InOtherTransactionAsync(other, async () =>
        {
            var jobs = await Job.Objects(other).Filter(j => j.Done == false).SelectForUpdate(skipLocked: true).Take(5).ToListAsync();
            firstTaken.SetResult();
            foreach (var job in jobs)
            {
                job.Done = true;
                job.Worker = "first";
                await other.SaveAsync(job);
            }
            return jobs.Select(j => j.Id).ToList();
        }, secondDone.Task);
        await firstTaken.Task;
        List<int> second;
        try
        {
            await using var tx = await Db.BeginTransactionAsync();
            var jobs = await Job.Objects(Db).Filter(j => j.Done == false).SelectForUpdate(skipLocked: true).Take(5).ToListAsync();
            second = jobs.Select(j => j.Id).ToList();
            await Job.Objects(Db).Filter(j => j.Id.In(second)).UpdateAsync(j => j.Done.Set(true), j => j.Worker.Set("second"));
            await tx.CommitAsync();
        }
        finally
        {
            secondDone.TrySetResult();
        }
        var firstIds = await first;
        Assert.That(firstIds, Has.Count.EqualTo(5));
        Assert.That(second, Has.Count.EqualTo(5));
        Assert.That(firstIds.Intersect(second), Is.Empty, "no job taken twice");
        Assert.That(firstIds, Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
        Assert.That(second, Is.EqualTo(new[] { 6, 7, 8, 9, 10 }), "the locked rows were skipped, the next ones taken in order");
        Assert.That(await Job.Objects(Db).Filter(j => j.Done == true).CountAsync(), Is.EqualTo(10));
    }

    [Test]
    public async Task AnUpdateOfTheNextLockedFreeJobsIsOneStatementOutsideATransaction()
    {
        // The job queue in one statement: UPDATE … WHERE id IN (SELECT id … LIMIT n FOR UPDATE SKIP LOCKED).
        await using var other = RelGenDatabase.Create(ConnectionString);
        var held = new TaskCompletionSource();
        var locked = new TaskCompletionSource();
        var holder = InOtherTransactionAsync(other, async () =>
        {
            await Job.Objects(other).Filter(j => j.Id <= 2).SelectForUpdate().ToListAsync();
            locked.SetResult();
            return 0;
        }, held.Task);
        await locked.Task;
        try
        {
            Sql.Clear();
            var claimed = await Job.Objects(Db).Filter(j => j.Worker == null).OrderBy(j => j.Id).Take(3).SelectForUpdate(skipLocked: true)
                .UpdateAsync(j => j.Worker.Set("w"));
            Assert.That(claimed, Is.EqualTo(3));
            Assert.That(Sql.Commands.Single(), Does.EndWith("LIMIT $2 FOR UPDATE SKIP LOCKED)"));
        }
        finally
        {
            held.SetResult();
            await holder;
        }
        var workers = await Job.Objects(Db).Filter(j => j.Worker == "w").ToListAsync();
        Assert.That(workers.Select(j => j.Id), Is.EqualTo(new[] { 3, 4, 5 }));
    }

    [Test]
    [Description("django: select_for_update test_for_update_sql_generated_of")]
    public async Task OfLimitsTheLockToTheNamedTables()
    {
        var reporter = new Reporter { FirstName = "Lock", LastName = "Owner" };
        await Db.SaveAsync(reporter);
        var article = new Article { Headline = "locked", PubDate = new DateOnly(2024, 1, 1), Reporter = reporter };
        await Db.SaveAsync(article);
        await using var other = RelGenDatabase.Create(ConnectionString);

        async Task<bool> ReporterIsLockedAsync(Func<Query.QuerySet<Article, Article.Lookup>, Query.QuerySet<Article, Article.Lookup>> lockWith)
        {
            var held = new TaskCompletionSource();
            var locked = new TaskCompletionSource();
            var holder = InOtherTransactionAsync(other, async () =>
            {
                await lockWith(Article.Objects(other).SelectRelated(a => a.Reporter)).ToListAsync();
                locked.SetResult();
                return 0;
            }, held.Task);
            await locked.Task;
            try
            {
                await using var tx = await Db.BeginTransactionAsync();
                try
                {
                    await Reporter.Objects(Db).SelectForUpdate(noWait: true).GetAsync(r => r.Id == reporter.Id);
                    return false;
                }
                catch (Exception e) when (SqlStateOf(e) == "55P03")
                {
                    return true;
                }
            }
            finally
            {
                held.SetResult();
                await holder;
            }
        }

        Assert.That(await ReporterIsLockedAsync(q => q.SelectForUpdate(of: a => [a])), Is.False);
        Assert.That(await ReporterIsLockedAsync(q => q.SelectForUpdate(of: a => [a, a.Reporter])), Is.True);
        Assert.That(await ReporterIsLockedAsync(q => q.SelectForUpdate()), Is.True, "without OF every table read is locked");
    }

    [Test]
    public async Task CountAndExistsDoNotLock()
    {
        await using var tx = await Db.BeginTransactionAsync();
        Assert.That(await Job.Objects(Db).SelectForUpdate().CountAsync(), Is.EqualTo(20));
        Assert.That(await Job.Objects(Db).SelectForUpdate().ExistsAsync(), Is.True);
        Assert.That(Sql.Commands.Where(c => c.Contains("FOR UPDATE", StringComparison.Ordinal)), Is.Empty);
    }
}
