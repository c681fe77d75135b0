using System.Data;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using RelGen.Tests.Integrity.Models;
using RelGen.Tests.Models;

namespace RelGen.Tests.Integrity;

/// <summary>
/// Every way an operation can fail arrives as a typed <see cref="DatabaseException"/> with its SQLSTATE, model, operation and
/// the driver's exception inside, and <see cref="DatabaseException.IsTransient"/> true exactly for the kinds worth retrying.
/// Concurrency failures are provoked with a second connection; connection failures by terminating backends.
/// </summary>
public sealed class ErrorTests : SchemaTest
{
    private async Task<Counter> CounterAsync(string name)
    {
        var counter = new Counter { Name = name };
        await Db.SaveAsync(counter);
        return counter;
    }

    /// <summary>A second session holding the row lock of <paramref name="counter"/> in an open transaction.</summary>
    private async Task<(NpgsqlConnection Connection, NpgsqlTransaction Transaction)> LockAsync(Counter counter)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await Backends.ExecuteAsync(connection, "SELECT 1 FROM integrity_counter WHERE id = $1 FOR UPDATE", counter.Id);
        return (connection, transaction);
    }

    private string ConnectionStringWith(Action<NpgsqlConnectionStringBuilder> change)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        change(builder);
        return builder.ConnectionString;
    }

    [Test]
    public async Task ASerializationFailureIsTransientAndAbortsTheTransaction()
    {
        var counter = await CounterAsync("serialization");
        await using var transaction = await Db.BeginTransactionAsync(IsolationLevel.RepeatableRead);
        Assert.That(transaction.IsolationLevel, Is.EqualTo(IsolationLevel.RepeatableRead));
        var mine = await Counter.Objects(Db).GetAsync(c => c.Id == counter.Id);   // takes the snapshot
        await using (var other = new NpgsqlConnection(ConnectionString))
        {
            await other.OpenAsync();
            await Backends.ExecuteAsync(other, "UPDATE integrity_counter SET value = value + 1 WHERE id = $1", counter.Id);
        }
        mine.Value += 10;

        var error = Assert.ThrowsAsync<SerializationFailureException>(() => Db.SaveAsync(mine));
        Assert.That(error!.SqlState, Is.EqualTo("40001"));
        Assert.That(error.IsTransient, Is.True);
        Assert.That(error.Model, Is.EqualTo("Counter"));
        Assert.That(error.Operation, Is.EqualTo(DatabaseOperation.Save));
        Assert.That(error.InnerException, Is.InstanceOf<PostgresException>());

        // The transaction is aborted: nothing more is sent, and it cannot commit.
        Sql.Clear();
        var aborted = Assert.ThrowsAsync<TransactionAbortedException>(() => Counter.Objects(Db).CountAsync());
        Assert.That(aborted!.SqlState, Is.EqualTo("25P02"));
        Assert.That(aborted.InnerException, Is.SameAs(error));
        Assert.That(aborted.IsTransient, Is.True, "as transient as the failure that aborted it");
        Assert.That(Sql.Count, Is.Zero);
        Assert.ThrowsAsync<TransactionAbortedException>(() => transaction.CommitAsync());
        Assert.That((await Counter.Objects(Db).GetAsync(c => c.Id == counter.Id)).Value, Is.EqualTo(1), "rolled back");
    }

    [Test]
    public async Task ADeadlockIsTransient()
    {
        var first = await CounterAsync("deadlock-a");
        var second = await CounterAsync("deadlock-b");
        await using var transaction = await Db.BeginTransactionAsync();
        first.Value = 1;
        await Db.SaveAsync(first);

        await using var other = new NpgsqlConnection(ConnectionString);
        await other.OpenAsync();
        await using var otherTransaction = await other.BeginTransactionAsync();
        await Backends.ExecuteAsync(other, "UPDATE integrity_counter SET value = 2 WHERE id = $1", second.Id);

        second.Value = 1;
        var mine = Db.SaveAsync(second);   // waits for the other session
        await Backends.WaitUntilBlockedByAsync(ConnectionString, other.ProcessID);
        var theirs = Backends.ExecuteAsync(other, "UPDATE integrity_counter SET value = 2 WHERE id = $1", first.Id);   // closes the cycle

        // The session that waited first detects the deadlock after deadlock_timeout, and is the one rolled back.
        var error = Assert.ThrowsAsync<DeadlockException>(() => mine);
        Assert.That(error!.SqlState, Is.EqualTo("40P01"));
        Assert.That(error.IsTransient, Is.True);
        await transaction.RollbackAsync();
        Assert.That(await theirs, Is.EqualTo(1));
        await otherTransaction.CommitAsync();
    }

    [Test]
    public async Task ALockThatIsNotAvailableIsTransient()
    {
        var counter = await CounterAsync("lock-timeout");
        var (connection, held) = await LockAsync(counter);
        await using (connection)
        await using (held)
        {
            await using var transaction = await Db.BeginTransactionAsync();
            // Code sharing the transaction's connection: a lock_timeout for this transaction only.
            await using (var set = new NpgsqlCommand("SET LOCAL lock_timeout = '100ms'", transaction.Connection, transaction.Transaction))
                await set.ExecuteNonQueryAsync();
            counter.Value = 5;
            var error = Assert.ThrowsAsync<LockNotAvailableException>(() => Db.SaveAsync(counter));
            Assert.That(error!.SqlState, Is.EqualTo("55P03"));
            Assert.That(error.IsTransient, Is.True);
        }
    }

    [Test]
    public async Task AWriteToAReadOnlyTransactionIsNotTransient()
    {
        await using var readOnly = RelGenDatabase.Create(ConnectionStringWith(b => b.Options = "-c default_transaction_read_only=on"));
        Assert.That(await Counter.Objects(readOnly).CountAsync(), Is.GreaterThanOrEqualTo(0), "reads work");
        var error = Assert.ThrowsAsync<ReadOnlyTransactionException>(() => readOnly.SaveAsync(new Counter { Name = "refused" }));
        Assert.That(error!.SqlState, Is.EqualTo("25006"));
        Assert.That(error.IsTransient, Is.False);
        Assert.That(error.Model, Is.EqualTo("Counter"));
    }

    [Test]
    public async Task AStatementTimeoutIsACancelledQuery()
    {
        var counter = await CounterAsync("statement-timeout");
        var (connection, held) = await LockAsync(counter);
        await using (connection)
        await using (held)
        {
            await using var timed = RelGenDatabase.Create(ConnectionStringWith(b => b.Options = "-c statement_timeout=200"));
            counter.Value = 7;
            var error = Assert.ThrowsAsync<QueryCanceledException>(() => timed.SaveAsync(counter));
            Assert.That(error!.SqlState, Is.EqualTo("57014"));
            Assert.That(error.IsTransient, Is.False);
        }
    }

    [Test]
    public async Task TheCallersCancellationIsAnOperationCanceledException()
    {
        var counter = await CounterAsync("cancelled");
        var (connection, held) = await LockAsync(counter);
        await using (connection)
        await using (held)
        {
            await using var transaction = await Db.BeginTransactionAsync();
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            counter.Value = 8;
            var error = Assert.CatchAsync<OperationCanceledException>(() => Db.SaveAsync(counter, cancellation.Token));
            Assert.That(error, Is.Not.InstanceOf<RelGenException>());
            // The statement was cancelled on the server, so the transaction is aborted.
            Assert.ThrowsAsync<TransactionAbortedException>(() => Counter.Objects(Db).CountAsync());
        }
    }

    [Test]
    public async Task ALostConnectionInsideATransactionIsTypedEverywhereAfter()
    {
        var counter = await CounterAsync("lost");
        var article = await ArticleAsync();
        var transaction = await Db.BeginTransactionAsync();
        counter.Value = 3;
        await Db.SaveAsync(counter);
        var loaded = await Article.Objects(Db).GetAsync(a => a.Id == article.Id);
        await Backends.TerminateAsync(ConnectionString, transaction.Connection.ProcessID);

        var error = Assert.ThrowsAsync<ConnectionLostException>(() => Counter.Objects(Db).CountAsync());
        Assert.That(error!.IsTransient, Is.True);
        Assert.That(error.Operation, Is.EqualTo(DatabaseOperation.Query));
        Assert.That(error.Model, Is.EqualTo("Counter"));
        Assert.That(error.Message, Does.Contain("rolled back"));

        // Every later use says the same, without touching the broken connection: a save, a lazy load, the commit.
        Assert.ThrowsAsync<ConnectionLostException>(() => Db.SaveAsync(new Counter { Name = "after" }));
        Assert.Throws<ConnectionLostException>(() => _ = loaded.Reporter);
        var commit = Assert.ThrowsAsync<ConnectionLostException>(() => transaction.CommitAsync());
        Assert.That(commit!.Operation, Is.EqualTo(DatabaseOperation.Commit));
        Assert.DoesNotThrowAsync(async () => await transaction.DisposeAsync());
        Assert.That((await Counter.Objects(Db).GetAsync(c => c.Id == counter.Id)).Value, Is.Zero, "nothing was committed");
    }

    private async Task<Article> ArticleAsync()
    {
        var reporter = new Reporter { FirstName = "Lost", LastName = "Connection" };
        await Db.SaveAsync(reporter);
        return await reporter.ArticleSet.CreateAsync(headline: "Lost", pubDate: new DateOnly(2024, 1, 1));
    }

    [Test]
    public async Task ALostPooledConnectionIsTransientForAReadAndOfUnknownOutcomeForAWrite()
    {
        var application = "relgen-lost-" + Guid.NewGuid().ToString("N")[..8];
        await using var db = RelGenDatabase.Create(ConnectionStringWith(b =>
        {
            b.ApplicationName = application;
            b.MaxPoolSize = 1;
        }));
        var counter = new Counter { Name = "pooled" };
        await db.SaveAsync(counter);

        await TerminateApplicationAsync(application);
        var read = Assert.ThrowsAsync<ConnectionLostException>(() => Counter.Objects(db).CountAsync());
        Assert.That(read!.IsTransient, Is.True);
        // The server's 57P01 when Npgsql reads its goodbye, none when the socket error comes first.
        Assert.That(read.SqlState, Is.EqualTo("57P01").Or.Null);
        Assert.That(await Counter.Objects(db).CountAsync(), Is.GreaterThan(0), "the next operation gets a fresh connection");

        await TerminateApplicationAsync(application);
        counter.Value = 9;
        var write = Assert.ThrowsAsync<TransactionOutcomeUnknownException>(() => db.SaveAsync(counter));
        Assert.That(write!.IsTransient, Is.False);
        Assert.That(write.Operation, Is.EqualTo(DatabaseOperation.Save));
    }

    private async Task TerminateApplicationAsync(string application)
    {
        var pid = await Backends.ScalarAsync<int>(ConnectionString, "SELECT pid FROM pg_stat_activity WHERE application_name = $1", application);
        await Backends.TerminateAsync(ConnectionString, pid);
    }

    [Test]
    public void AServerThatDoesNotAnswerCannotBeConnectedTo()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();   // nothing listens there now
        using var nowhere = RelGenDatabase.Create($"Host=127.0.0.1;Port={port};Username=postgres;Timeout=3");
        var error = Assert.ThrowsAsync<CannotConnectException>(() => Counter.Objects(nowhere).CountAsync());
        Assert.That(error!.IsTransient, Is.True);
        Assert.That(error.SqlState, Is.Null);
        Assert.That(error.InnerException, Is.InstanceOf<NpgsqlException>());
        Assert.ThrowsAsync<CannotConnectException>(() => nowhere.BeginTransactionAsync());
    }

    [Test]
    public void AMissingDatabaseIsNotTransient()
    {
        using var missing = RelGenDatabase.Create(ConnectionStringWith(b => b.Database = "relgen_no_such_database"));
        var error = Assert.ThrowsAsync<DatabaseException>(() => Counter.Objects(missing).CountAsync());
        Assert.That(error!.GetType(), Is.EqualTo(typeof(DatabaseException)));
        Assert.That(error.SqlState, Is.EqualTo("3D000"));
        Assert.That(error.IsTransient, Is.False);
    }

    [Test]
    public async Task AConnectionLostDuringCommitLeavesTheOutcomeUnknown()
    {
        // A deferred constraint trigger that sleeps makes COMMIT take long enough to be interrupted.
        await using (var setup = new NpgsqlConnection(ConnectionString))
        {
            await setup.OpenAsync();
            await Backends.ExecuteAsync(setup, """
                CREATE TABLE IF NOT EXISTS integrity_slow_commit (id int);
                CREATE OR REPLACE FUNCTION integrity_sleep() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(30); RETURN NULL; END $$;
                DROP TRIGGER IF EXISTS integrity_slow_commit ON integrity_slow_commit;
                CREATE CONSTRAINT TRIGGER integrity_slow_commit AFTER INSERT ON integrity_slow_commit
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION integrity_sleep();
                """);
        }
        var transaction = await Db.BeginTransactionAsync();
        await Db.SaveAsync(new Counter { Name = "maybe" });
        await using (var insert = new NpgsqlCommand("INSERT INTO integrity_slow_commit VALUES (1)", transaction.Connection, transaction.Transaction))
            await insert.ExecuteNonQueryAsync();
        var pid = transaction.Connection.ProcessID;
        var commit = transaction.CommitAsync();
        await WaitUntilSleepingAsync(pid);
        await Backends.TerminateAsync(ConnectionString, pid);

        var error = Assert.ThrowsAsync<TransactionOutcomeUnknownException>(() => commit);
        Assert.That(error!.IsTransient, Is.False);
        Assert.That(error.Operation, Is.EqualTo(DatabaseOperation.Commit));
        Assert.That(error.Message, Does.Contain("may or may not"));
        await transaction.DisposeAsync();
    }

    private async Task WaitUntilSleepingAsync(int pid)
    {
        for (var i = 0; i < 500; i++)
        {
            if (await Backends.ScalarAsync<long>(ConnectionString, "SELECT count(*) FROM pg_stat_activity WHERE pid = $1 AND wait_event = 'PgSleep'", pid) > 0)
                return;
            await Task.Delay(20);
        }
        Assert.Fail("The commit never reached the sleeping trigger.");
    }

    [Test]
    public async Task AFailedStatementAbortsOnlyTheSavepointItRanIn()
    {
        var counter = await CounterAsync("savepoint");
        await using var transaction = await Db.BeginTransactionAsync();
        counter.Value = 1;
        await Db.SaveAsync(counter);
        await using (var nested = await Db.BeginTransactionAsync())
        {
            var error = Assert.ThrowsAsync<IntegrityException>(() => Db.SaveAsync(new RelGen.Tests.Integrity.Models.RacePart { Name = "orphan", ItemId = -1 }));
            Assert.That(error!.SqlState, Is.EqualTo("23503"));
            Assert.ThrowsAsync<TransactionAbortedException>(() => Counter.Objects(Db).CountAsync(), "the savepoint is aborted");
        }
        // Disposing the savepoint rolled back to it: the outer transaction goes on and commits.
        counter.Value = 2;
        await Db.SaveAsync(counter);
        await transaction.CommitAsync();
        Assert.That((await Counter.Objects(Db).GetAsync(c => c.Id == counter.Id)).Value, Is.EqualTo(2));
    }

    [Test]
    public async Task CommittingAfterACaughtFailureRollsBackAndSaysSo()
    {
        var counter = await CounterAsync("caught");
        var transaction = await Db.BeginTransactionAsync();
        counter.Value = 4;
        await Db.SaveAsync(counter);
        Assert.ThrowsAsync<IntegrityException>(() => Db.SaveAsync(new RelGen.Tests.Integrity.Models.RacePart { Name = "orphan", ItemId = -1 }));
        var error = Assert.ThrowsAsync<TransactionAbortedException>(() => transaction.CommitAsync());
        Assert.That(error!.InnerException, Is.InstanceOf<IntegrityException>());
        await transaction.DisposeAsync();
        Assert.That((await Counter.Objects(Db).GetAsync(c => c.Id == counter.Id)).Value, Is.Zero, "PostgreSQL would have answered COMMIT with a silent rollback");
    }
}
