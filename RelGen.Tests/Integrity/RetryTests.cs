using System.Data;
using Npgsql;
using RelGen.Tests.Integrity.Models;

namespace RelGen.Tests.Integrity;

/// <summary>
/// <c>RunInTransactionAsync</c> retries a unit of work after transient failures before its commit, within a bound, and never
/// re-runs work whose commit may have succeeded. Conflicts come from a second connection, lost connections from terminated
/// backends.
/// </summary>
public sealed class RetryTests : SchemaTest
{
    private static readonly RetryPolicy Quick = new() { MaxAttempts = 5, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) };

    private async Task<Counter> CounterAsync(string name)
    {
        var counter = new Counter { Name = name };
        await Db.SaveAsync(counter);
        return counter;
    }

    private async Task<int> ValueAsync(Counter counter) => (await Counter.Objects(Db).GetAsync(c => c.Id == counter.Id)).Value;

    private async Task BumpElsewhereAsync(Counter counter)
    {
        await using var other = new NpgsqlConnection(ConnectionString);
        await other.OpenAsync();
        await Backends.ExecuteAsync(other, "UPDATE integrity_counter SET value = value + 1 WHERE id = $1", counter.Id);
    }

    [Test]
    public async Task ASerializationFailureIsRetriedUntilTheWorkCommits()
    {
        var counter = await CounterAsync("retried");
        var attempts = 0;
        var result = await Db.RunInTransactionAsync(IsolationLevel.RepeatableRead, async ct =>
        {
            attempts++;
            var mine = await Counter.Objects(Db).GetAsync(c => c.Id == counter.Id, ct);
            if (attempts == 1)
                await BumpElsewhereAsync(counter);   // a concurrent commit after this attempt's snapshot
            mine.Value += 10;
            await Db.SaveAsync(mine, ct);
            return mine.Value;
        }, Quick);
        Assert.That(attempts, Is.EqualTo(2));
        Assert.That(result, Is.EqualTo(11), "the second attempt read the other commit");
        Assert.That(await ValueAsync(counter), Is.EqualTo(11));
    }

    [Test]
    public async Task ConcurrentRepeatableReadIncrementsAllLand()
    {
        var counter = await CounterAsync("contended");
        var attempts = 0;
        var policy = new RetryPolicy { MaxAttempts = 50, BaseDelay = TimeSpan.FromMilliseconds(2), MaxDelay = TimeSpan.FromMilliseconds(50) };
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Db.RunInTransactionAsync(IsolationLevel.RepeatableRead, async ct =>
        {
            Interlocked.Increment(ref attempts);
            var mine = await Counter.Objects(Db).GetAsync(c => c.Id == counter.Id, ct);
            await Task.Yield();
            mine.Value++;
            await Db.SaveAsync(mine, ct);
            return true;
        }, policy))));
        Assert.That(await ValueAsync(counter), Is.EqualTo(8), "no increment lost");
        Assert.That(attempts, Is.GreaterThanOrEqualTo(8));
    }

    [Test]
    public async Task ALostConnectionBeforeTheCommitIsRetriedAndTheFirstAttemptLeavesNothing()
    {
        var attempts = 0;
        await Db.RunInTransactionAsync(async ct =>
        {
            attempts++;
            await Db.SaveAsync(new Counter { Name = $"attempt-{attempts}" }, ct);
            if (attempts == 1)
                await Backends.TerminateAsync(ConnectionString, Db.CurrentTransaction!.Connection.ProcessID);
            await Db.SaveAsync(new Counter { Name = $"attempt-{attempts}-second" }, ct);
        }, Quick);
        Assert.That(attempts, Is.EqualTo(2));
        Assert.That(await Counter.Objects(Db).Filter(c => c.Name.StartsWith("attempt-1")).CountAsync(), Is.Zero);
        Assert.That(await Counter.Objects(Db).Filter(c => c.Name.StartsWith("attempt-2")).CountAsync(), Is.EqualTo(2));
    }

    [Test]
    public void RetriesAreBounded()
    {
        var attempts = 0;
        var error = Assert.ThrowsAsync<ConnectionLostException>(() => Db.RunInTransactionAsync(async ct =>
        {
            attempts++;
            await Db.SaveAsync(new Counter { Name = "doomed" }, ct);
            await Backends.TerminateAsync(ConnectionString, Db.CurrentTransaction!.Connection.ProcessID);
            await Counter.Objects(Db).CountAsync(ct);
        }, new RetryPolicy { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1) }));
        Assert.That(attempts, Is.EqualTo(3));
        Assert.That(error!.IsTransient, Is.True);
    }

    [Test]
    public void WhatIsNotTransientIsNotRetried()
    {
        var attempts = 0;
        Assert.ThrowsAsync<IntegrityException>(() => Db.RunInTransactionAsync(async ct =>
        {
            attempts++;
            await Db.SaveAsync(new RacePart { Name = "orphan", ItemId = -1 }, ct);
        }, Quick));
        Assert.That(attempts, Is.EqualTo(1));

        Assert.ThrowsAsync<InvalidOperationException>(() => Db.RunInTransactionAsync(_ =>
        {
            attempts++;
            throw new InvalidOperationException("the work's own failure");
        }, Quick));
        Assert.That(attempts, Is.EqualTo(2));
    }

    [Test]
    public async Task ACommitOfUnknownOutcomeIsNeverRetried()
    {
        await using (var setup = new NpgsqlConnection(ConnectionString))
        {
            await setup.OpenAsync();
            await Backends.ExecuteAsync(setup, """
                CREATE TABLE IF NOT EXISTS retry_slow_commit (id int);
                CREATE OR REPLACE FUNCTION retry_sleep() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(30); RETURN NULL; END $$;
                DROP TRIGGER IF EXISTS retry_slow_commit ON retry_slow_commit;
                CREATE CONSTRAINT TRIGGER retry_slow_commit AFTER INSERT ON retry_slow_commit
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION retry_sleep();
                """);
        }
        var attempts = 0;
        var pid = 0;
        var run = Db.RunInTransactionAsync(async ct =>
        {
            attempts++;
            var transaction = Db.CurrentTransaction!;
            pid = transaction.Connection.ProcessID;
            await Db.SaveAsync(new Counter { Name = "unknown" }, ct);
            await using var insert = new NpgsqlCommand("INSERT INTO retry_slow_commit VALUES (1)", transaction.Connection, transaction.Transaction);
            await insert.ExecuteNonQueryAsync(ct);
        }, Quick);
        for (var i = 0; i < 500 && (pid == 0 || await Backends.ScalarAsync<long>(ConnectionString,
                 "SELECT count(*) FROM pg_stat_activity WHERE pid = $1 AND wait_event = 'PgSleep'", pid) == 0); i++)
            await Task.Delay(20);
        await Backends.TerminateAsync(ConnectionString, pid);
        Assert.ThrowsAsync<TransactionOutcomeUnknownException>(() => run);
        Assert.That(attempts, Is.EqualTo(1));
    }

    [Test]
    public async Task InsideATransactionTheWorkRunsOnceInASavepoint()
    {
        var counter = await CounterAsync("nested-retry");
        await using var outer = await Db.BeginTransactionAsync(IsolationLevel.RepeatableRead);
        await Counter.Objects(Db).GetAsync(c => c.Id == counter.Id);   // the outer snapshot
        await BumpElsewhereAsync(counter);
        var attempts = 0;
        Assert.ThrowsAsync<SerializationFailureException>(() => Db.RunInTransactionAsync(async ct =>
        {
            attempts++;
            Assert.That(Db.CurrentTransaction!.IsNested, Is.True);
            var mine = await Counter.Objects(Db).GetAsync(c => c.Id == counter.Id, ct);
            mine.Value += 5;
            await Db.SaveAsync(mine, ct);
        }, Quick));
        Assert.That(attempts, Is.EqualTo(1), "retrying is the outermost transaction's business");
    }

    [Test]
    public async Task OnlyTheCommittedAttemptsCallbacksRun()
    {
        var counter = await CounterAsync("callbacks");
        var attempts = 0;
        var callbacks = new List<int>();
        await Db.RunInTransactionAsync(IsolationLevel.RepeatableRead, async ct =>
        {
            var attempt = ++attempts;
            Db.OnCommit(() => callbacks.Add(attempt));
            var mine = await Counter.Objects(Db).GetAsync(c => c.Id == counter.Id, ct);
            if (attempt == 1)
                await BumpElsewhereAsync(counter);
            mine.Value++;
            await Db.SaveAsync(mine, ct);
            return 0;
        }, Quick);
        Assert.That(callbacks, Is.EqualTo(new[] { 2 }));
    }

    [Test]
    public void TheCallersCancellationStopsTheRetries()
    {
        using var cancellation = new CancellationTokenSource();
        var attempts = 0;
        Assert.CatchAsync<OperationCanceledException>(() => Db.RunInTransactionAsync(async ct =>
        {
            attempts++;
            await Db.SaveAsync(new Counter { Name = "cancelled-retry" }, ct);
            await Backends.TerminateAsync(ConnectionString, Db.CurrentTransaction!.Connection.ProcessID);
            await cancellation.CancelAsync();
            await Counter.Objects(Db).CountAsync(ct);
        }, Quick, cancellation.Token));
        Assert.That(attempts, Is.EqualTo(1));
    }
}
