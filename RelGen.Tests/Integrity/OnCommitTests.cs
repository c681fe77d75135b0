using RelGen.Tests.Integrity.Models;

namespace RelGen.Tests.Integrity;

/// <summary>After-commit callbacks (Django's <c>on_commit</c>) run only after a real commit of the outermost transaction.</summary>
public sealed class OnCommitTests : SchemaTest
{
    [Test]
    public async Task CallbacksRunAfterTheCommitAndSeeItsWork()
    {
        var seen = new List<string>();
        await using (var transaction = await Db.BeginTransactionAsync())
        {
            await Db.SaveAsync(new Counter { Name = "committed-first" });
            await Db.OnCommitAsync(async ct =>
            {
                // Runs outside the transaction: another connection sees the committed row.
                await using var other = RelGenDatabase.Create(ConnectionString);
                seen.Add($"async:{await Counter.Objects(other).Filter(c => c.Name == "committed-first").ExistsAsync(ct)}");
            });
            transaction.OnCommit(() => seen.Add("sync"));
            Assert.That(seen, Is.Empty, "nothing runs before the commit");
            await transaction.CommitAsync();
        }
        Assert.That(seen, Is.EqualTo(new[] { "async:True", "sync" }), "in the order registered");
    }

    [Test]
    public async Task CallbacksOfARolledBackTransactionNeverRun()
    {
        var ran = false;
        await using (var transaction = await Db.BeginTransactionAsync())
        {
            Db.OnCommit(() => ran = true);
            await transaction.RollbackAsync();
        }
        await using (var transaction = await Db.BeginTransactionAsync())
            Db.OnCommit(() => ran = true);   // disposed without commit
        Assert.That(ran, Is.False);
    }

    [Test]
    public async Task ASavepointsCallbacksWaitForTheOuterCommitAndGoWithItsRollback()
    {
        var ran = new List<string>();
        await using (var outer = await Db.BeginTransactionAsync())
        {
            await using (var kept = await Db.BeginTransactionAsync())
            {
                Db.OnCommit(() => ran.Add("released"));
                await kept.CommitAsync();
            }
            await using (var dropped = await Db.BeginTransactionAsync())
            {
                Db.OnCommit(() => ran.Add("rolled back"));
                await dropped.RollbackAsync();
            }
            Assert.That(ran, Is.Empty, "releasing a savepoint is not a commit");
            await outer.CommitAsync();
        }
        Assert.That(ran, Is.EqualTo(new[] { "released" }));
    }

    [Test]
    public async Task OutsideATransactionACallbackRunsAtOnce()
    {
        var ran = 0;
        Db.OnCommit(() => ran++);
        await Db.OnCommitAsync(_ =>
        {
            ran++;
            return Task.CompletedTask;
        });
        Assert.That(ran, Is.EqualTo(2));
    }

    [Test]
    public async Task ACallbackThatThrowsLeavesTheCommitDoneAndStopsTheRest()
    {
        var later = false;
        var transaction = await Db.BeginTransactionAsync();
        await Db.SaveAsync(new Counter { Name = "before-throwing-callback" });
        transaction.OnCommit(() => throw new InvalidOperationException("callback failed"));
        transaction.OnCommit(() => later = true);
        Assert.ThrowsAsync<InvalidOperationException>(() => transaction.CommitAsync());
        await transaction.DisposeAsync();
        Assert.That(later, Is.False);
        Assert.That(await Counter.Objects(Db).Filter(c => c.Name == "before-throwing-callback").ExistsAsync(), Is.True);
    }
}
