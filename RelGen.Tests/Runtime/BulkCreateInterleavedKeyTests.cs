using Npgsql;
using RelGen.Tests.Models;

namespace RelGen.Tests.Runtime;

/// <summary>
/// A large BulkCreateAsync lets the database assign identity keys during its COPY and proves them by the sequence's values
/// around it. Here another session inserts a row in the middle of that COPY (a trigger makes the COPY wait at one row
/// until the other session has inserted): the proof fails, the COPY is undone, and the insert goes again with reserved
/// keys, so every object still gets its own row's key. A backend killed in the middle of a COPY, on either path, leaves
/// no row and no object with a key.
/// </summary>
public sealed class BulkCreateInterleavedKeyTests : SchemaTest
{
    private const long LockKey = 774_411;
    private const string Prefix = "Gap ";
    private const int Count = 5_000;
    private Reporter _reporter = null!;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _reporter = new Reporter { FirstName = "Bulk", LastName = "Gap" };
        await Db.SaveAsync(_reporter);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        // The COPY waits at row 250 while the other session holds the advisory lock.
        await using var ddl = new NpgsqlCommand($"""
            CREATE FUNCTION bulk_gap_wait() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_advisory_xact_lock_shared({LockKey}); RETURN NEW; END $$;
            CREATE TRIGGER bulk_gap BEFORE INSERT ON article FOR EACH ROW WHEN (NEW.headline = '{Prefix}00250') EXECUTE FUNCTION bulk_gap_wait();
            """, connection);
        await ddl.ExecuteNonQueryAsync();
    }

    [SetUp]
    public Task ClearAsync() => Article.Objects(Db).DeleteAsync();

    [TestCase(false)]
    [TestCase(true)]
    public async Task AnotherSessionInsertingDuringTheCopyLeavesEveryObjectWithItsOwnRowsKey(bool inTransaction)
    {
        var articles = Articles(Count, Prefix);
        await using var other = await HoldTheLockAsync();
        Sql.Clear();

        RelGenTransaction? transaction = inTransaction ? await Db.BeginTransactionAsync() : null;
        var before = new Reporter { FirstName = "Same", LastName = "Transaction" };
        if (transaction is not null)
            await Db.SaveAsync(before);
        var insert = Db.BulkCreateAsync(articles);
        await WaitUntilTheCopyWaitsAsync(other);
        int interloper;
        await using (var command = new NpgsqlCommand(
            "INSERT INTO article (headline, pub_date, reporter_id) VALUES ('Interloper', '2020-01-01', $1) RETURNING id", other))
        {
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _reporter.Id });
            interloper = (int)(await command.ExecuteScalarAsync())!;
        }
        await ExecuteAsync(other, $"SELECT pg_advisory_unlock({LockKey})");
        await insert;
        if (transaction is not null)
        {
            await transaction.CommitAsync();
            await transaction.DisposeAsync();
            Assert.That(await Reporter.Objects(Db).Filter(r => r.Id == before.Id).ExistsAsync(), Is.True, "the caller's transaction carried on");
        }

        Assert.That(Sql.Commands.Count(c => c.StartsWith("COPY", StringComparison.Ordinal)), Is.EqualTo(2), "the proven-keys COPY, then the reserved-keys one");
        Assert.That(Sql.Commands, Has.Some.StartsWith("SELECT nextval(s)"), "the second COPY reserved its keys");
        var stored = await Article.Objects(Db).Filter(a => a.Headline.StartsWith(Prefix)).ToListAsync();
        Assert.That(stored, Has.Count.EqualTo(Count), "the first COPY was undone");
        Assert.That(stored.ToDictionary(a => a.Id, a => a.Headline), Is.EquivalentTo(articles.ToDictionary(a => a.Id, a => a.Headline)));
        Assert.That(articles.Select(a => a.Id), Has.No.Member(interloper));
        Assert.That((await Article.Objects(Db).GetAsync(a => a.Id == interloper)).Headline, Is.EqualTo("Interloper"));
    }

    [Test]
    public async Task WithNoOtherSessionTheKeysAreTheSequencesValuesInRowOrder()
    {
        var articles = Articles(Count, "Alone ");
        Sql.Clear();
        await Db.BulkCreateAsync(articles);
        Assert.That(Sql.Commands.Count(c => c.StartsWith("COPY", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(articles.Zip(articles.Skip(1)).All(p => p.Second.Id == p.First.Id + 1), Is.True, "consecutive keys in row order");
        var stored = await Article.Objects(Db).Filter(a => a.Headline.StartsWith("Alone ")).ToListAsync();
        Assert.That(stored.ToDictionary(a => a.Id, a => a.Headline), Is.EquivalentTo(articles.ToDictionary(a => a.Id, a => a.Headline)));
    }

    [TestCase(Count)]
    [TestCase(500)]   // below the threshold: keys reserved before the COPY, and taken back when it fails
    public async Task ABackendKilledDuringTheCopyLeavesNoRowsAndGivesNoKeys(int count)
    {
        var articles = Articles(count, Prefix);
        await using var other = await HoldTheLockAsync();
        var insert = Db.BulkCreateAsync(articles);
        await WaitUntilTheCopyWaitsAsync(other);
        await using (var find = new NpgsqlCommand($"SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = {LockKey}", other))
        {
            var pid = (int)(await find.ExecuteScalarAsync())!;
            await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend($1, 5000)", other);
            kill.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pid });
            Assert.That(await kill.ExecuteScalarAsync(), Is.True);
        }
        await ExecuteAsync(other, $"SELECT pg_advisory_unlock({LockKey})");

        if (count >= 2_000)
        {
            // Inside its own transaction, the COPY was certainly rolled back: keys are given only after the commit.
            var error = Assert.ThrowsAsync<ConnectionLostException>(() => insert);
            Assert.That(error!.Model, Is.EqualTo("Article"));
            Assert.That(articles.All(a => a.Id == 0), Is.True, "no object got a key: the COPY's transaction never committed");
        }
        else
        {
            // A COPY of its own may have committed just before the connection went: the outcome is unknown, and the objects
            // keep the keys they were copied with, so the rows can be looked up by them.
            var error = Assert.ThrowsAsync<TransactionOutcomeUnknownException>(() => insert);
            Assert.That(error!.Model, Is.EqualTo("Article"));
            var keys = articles.Select(a => a.Id).ToArray();
            Assert.That(keys.Distinct().Count(), Is.EqualTo(count));
            Assert.That(await Article.Objects(Db).Filter(a => a.Id.In(keys)).CountAsync(), Is.Zero, "looked up by those keys: not written");
        }
        Assert.That(await Article.Objects(Db).Filter(a => a.Headline.StartsWith(Prefix)).CountAsync(), Is.Zero, "nothing was written");
        await Db.BulkCreateAsync(articles);
        Assert.That(await Article.Objects(Db).Filter(a => a.Headline.StartsWith(Prefix)).CountAsync(), Is.EqualTo(count), "the database handle carries on");
    }

    private List<Article> Articles(int count, string prefix)
        => Enumerable.Range(0, count).Select(i => new Article { Headline = $"{prefix}{i:D5}", PubDate = new DateOnly(2020, 1, 1), Reporter = _reporter }).ToList();

    /// <summary>Another session, holding the advisory lock the trigger waits for.</summary>
    private async Task<NpgsqlConnection> HoldTheLockAsync()
    {
        var other = new NpgsqlConnection(ConnectionString);
        await other.OpenAsync();
        await ExecuteAsync(other, $"SELECT pg_advisory_lock({LockKey})");
        return other;
    }

    /// <summary>Waits until a session waits for the test's advisory lock: the COPY has reached row 250.</summary>
    private static async Task WaitUntilTheCopyWaitsAsync(NpgsqlConnection other)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = {LockKey}", other);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
                return;
            if (DateTime.UtcNow > deadline)
                Assert.Fail("the COPY never reached the row that waits");
            await Task.Delay(20);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
