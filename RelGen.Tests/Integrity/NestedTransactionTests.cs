using System.Data;
using Npgsql;
using RelGen.Tests.Integrity.Models;

namespace RelGen.Tests.Integrity;

/// <summary>
/// Nested transactions are savepoints that commit or roll back on their own (Django's nested <c>atomic</c>); the outer
/// transaction picks the isolation level; code that must share the transaction gets its connection.
/// </summary>
public sealed class NestedTransactionTests : SchemaTest
{
    private Task<bool> ExistsAsync(string name) => Counter.Objects(Db).Filter(c => c.Name == name).ExistsAsync();

    [Test]
    public async Task ARolledBackSavepointKeepsTheOuterWork()
    {
        await using (var outer = await Db.BeginTransactionAsync())
        {
            await Db.SaveAsync(new Counter { Name = "outer-kept" });
            await using (var inner = await Db.BeginTransactionAsync())
            {
                await Db.SaveAsync(new Counter { Name = "inner-dropped" });
                Assert.That(await ExistsAsync("inner-dropped"), Is.True);
                await inner.RollbackAsync();
            }
            Assert.That(Sql.Commands[^1], Does.StartWith("ROLLBACK TO SAVEPOINT"));
            Assert.That(await ExistsAsync("inner-dropped"), Is.False);
            await Db.SaveAsync(new Counter { Name = "outer-after" });
            await outer.CommitAsync();
        }
        Assert.That(await ExistsAsync("outer-kept"), Is.True);
        Assert.That(await ExistsAsync("outer-after"), Is.True);
        Assert.That(await ExistsAsync("inner-dropped"), Is.False);
    }

    [Test]
    public async Task ACommittedSavepointGoesWithTheOuterRollback()
    {
        await using (var outer = await Db.BeginTransactionAsync())
        {
            await using (var inner = await Db.BeginTransactionAsync())
            {
                await Db.SaveAsync(new Counter { Name = "released" });
                await inner.CommitAsync();
            }
            Assert.That(Sql.Commands[^1], Does.StartWith("RELEASE SAVEPOINT"));
            Assert.That(await ExistsAsync("released"), Is.True, "seen by the outer transaction");
        }
        Assert.That(await ExistsAsync("released"), Is.False, "the outer transaction was disposed without a commit");
    }

    [Test]
    public async Task SavepointsNestThreeDeepAndDisposeRollsBackToTheirOwn()
    {
        await using var outer = await Db.BeginTransactionAsync();
        await using (var middle = await Db.BeginTransactionAsync())
        {
            await Db.SaveAsync(new Counter { Name = "middle" });
            await using (var inner = await Db.BeginTransactionAsync())
            {
                Assert.That(inner.Outer, Is.SameAs(middle));
                await Db.SaveAsync(new Counter { Name = "inner" });
            }
            Assert.That(Db.CurrentTransaction, Is.SameAs(middle));
            await middle.CommitAsync();
        }
        Assert.That(Db.CurrentTransaction, Is.SameAs(outer));
        await outer.CommitAsync();
        Assert.That(await ExistsAsync("middle"), Is.True);
        Assert.That(await ExistsAsync("inner"), Is.False);
    }

    [Test]
    public async Task TheOuterTransactionCannotCommitWhileANestedOneIsOpen()
    {
        await using var outer = await Db.BeginTransactionAsync();
        await using var inner = await Db.BeginTransactionAsync();
        Assert.ThrowsAsync<InvalidOperationException>(() => outer.CommitAsync());
    }

    [Test]
    public async Task TheIsolationLevelIsTheOuterTransactions()
    {
        var counter = new Counter { Name = "snapshot" };
        await Db.SaveAsync(counter);
        await using var transaction = await Db.BeginTransactionAsync(IsolationLevel.RepeatableRead);
        await using (var show = new NpgsqlCommand("SHOW transaction_isolation", transaction.Connection, transaction.Transaction))
            Assert.That(await show.ExecuteScalarAsync(), Is.EqualTo("repeatable read"));
        Assert.That((await Counter.Objects(Db).GetAsync(c => c.Id == counter.Id)).Value, Is.Zero);

        // Another session changes the row; the repeatable-read snapshot does not see it.
        await using (var other = new NpgsqlConnection(ConnectionString))
        {
            await other.OpenAsync();
            await Backends.ExecuteAsync(other, "UPDATE integrity_counter SET value = 42 WHERE id = $1", counter.Id);
        }
        Assert.That((await Counter.Objects(Db).GetAsync(c => c.Id == counter.Id)).Value, Is.Zero);

        await using (var nested = await Db.BeginTransactionAsync(IsolationLevel.RepeatableRead))
            Assert.That(nested.IsolationLevel, Is.EqualTo(IsolationLevel.RepeatableRead));
        Assert.Throws<InvalidOperationException>(() => Db.BeginTransactionAsync(IsolationLevel.Serializable));
    }

    [Test]
    public async Task CodeSharingTheTransactionSeesItsWorkAndRollsBackWithIt()
    {
        await using (var transaction = await Db.BeginTransactionAsync())
        {
            await Db.SaveAsync(new Counter { Name = "shared", Value = 5 });
            await using var nested = await Db.BeginTransactionAsync();
            // Npgsql (or Dapper) on the same connection and transaction, also from inside a savepoint.
            var current = Db.CurrentTransaction!;
            Assert.That(current, Is.SameAs(nested));
            Assert.That(current.Connection, Is.SameAs(transaction.Connection));
            await using (var read = new NpgsqlCommand("SELECT value FROM integrity_counter WHERE name = 'shared'", current.Connection, current.Transaction))
                Assert.That(await read.ExecuteScalarAsync(), Is.EqualTo(5));
            await using (var write = new NpgsqlCommand("INSERT INTO integrity_counter (name, value) VALUES ('by-npgsql', 1)", current.Connection, current.Transaction))
                await write.ExecuteNonQueryAsync();
            Assert.That(await ExistsAsync("by-npgsql"), Is.True, "RelGen sees what the shared connection wrote");
        }
        Assert.That(await ExistsAsync("shared"), Is.False);
        Assert.That(await ExistsAsync("by-npgsql"), Is.False);
    }
}
