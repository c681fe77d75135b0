using Npgsql;
using RelGen.Testing;
using RelGen.Tests.Replicas.Models;
using static RelGen.Tests.Replicas.ReplicaSets;

namespace RelGen.Tests.Replicas;

/// <summary>
/// One <see cref="RelGenDatabase"/> over a primary and a streaming standby (the multi-host connection string). Which server
/// answered is proved, not assumed: the standby's replay is paused, a row is changed on the primary behind RelGen's back, and
/// a read returns the old value (the standby) or the new one (the primary).
/// </summary>
[Category("Replica")]
[NonParallelizable]
public sealed class ReplicaRoutingTests
{
    EphemeralReplicaSet set = null!;
    ReplicaSetDatabase names = null!;
    RelGenDatabase db = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        set = await ReplicaSets.StartAsync();
        names = await set.CreateDatabaseAsync();
        await using (var setup = RelGenDatabase.Create(names.PrimaryConnectionString))
            await setup.CreateTablesAsync();
        await ExecuteAsync(names.PrimaryConnectionString, ShelfProbe.ViewSql);
        db = RelGenDatabase.Create(names.MultiHostConnectionString);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (db is not null)
            await db.DisposeAsync();
        if (set is not null)
            await set.DisposeAsync();
    }

    [SetUp]
    public async Task EmptyTablesAsync()
    {
        await ResumeReplayAsync(names);
        await ExecuteAsync(names.PrimaryConnectionString, "TRUNCATE rep_book, rep_author RESTART IDENTITY");
        await set.WaitForStandbyToCatchUpAsync();
        db.ReadFrom = ReadFrom.Primary;
        db.ReadYourWrites = ReadYourWrites.ReplayedLsn;
    }

    [TearDown]
    public Task ResumeAsync() => ResumeReplayAsync(names);

    /// <summary>An author named <paramref name="name"/> on both servers, renamed to <paramref name="renamed"/> on the primary only.</summary>
    async Task<int> AuthorRenamedOnPrimaryOnlyAsync(string name, string renamed)
    {
        var id = await ScalarAsync<int>(names.PrimaryConnectionString, "INSERT INTO rep_author (name, email) VALUES ($1, '') RETURNING id", name);
        await set.WaitForStandbyToCatchUpAsync();
        await PauseReplayAsync(names);
        await ExecuteAsync(names.PrimaryConnectionString, "UPDATE rep_author SET name = $1 WHERE id = $2", renamed, id);
        return id;
    }

    [Test]
    public async Task MultiHostDatabase_HasAReplicaSideOnTheStandby_AndWritesOnThePrimary()
    {
        Assert.That(db.ReplicaDataSource, Is.Not.Null);
        await using var replica = await db.ReplicaDataSource!.OpenConnectionAsync();
        await using var primary = await db.DataSource.OpenConnectionAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(replica.Port, Is.EqualTo(set.Standby.Port));
            Assert.That(primary.Port, Is.EqualTo(set.Primary.Port));
            Assert.That(await new NpgsqlCommand("SELECT pg_is_in_recovery()", replica).ExecuteScalarAsync(), Is.True);
        }
    }

    [Test]
    public async Task TheServerThatAnswers_IsTheStandbyForReplicaReads_AndThePrimaryOtherwise()
    {
        await ExecuteAsync(names.PrimaryConnectionString, "INSERT INTO rep_author (name, email) VALUES ('probe', '')");
        await set.WaitForStandbyToCatchUpAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await ShelfProbe.Objects(db).GetAsync()).OnStandby, Is.False, "default");
            Assert.That((await ShelfProbe.Objects(db).UsingReplica().GetAsync()).OnStandby, Is.True, "UsingReplica");
            Assert.That((await ShelfProbe.Objects(db).AllowStale().GetAsync()).OnStandby, Is.True, "AllowStale");
        }
        db.ReadFrom = ReadFrom.Replica;
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await ShelfProbe.Objects(db).GetAsync()).OnStandby, Is.True, "ReadFrom.Replica");
            Assert.That((await ShelfProbe.Objects(db).UsingPrimary().GetAsync()).OnStandby, Is.False, "UsingPrimary");
            await using var transaction = await db.BeginTransactionAsync();
            Assert.That((await ShelfProbe.Objects(db).UsingReplica().GetAsync()).OnStandby, Is.False, "in a transaction");
        }
    }

    [Test]
    public async Task Reads_GoToThePrimaryByDefault_AndToTheStandbyWhereAsked()
    {
        var id = await AuthorRenamedOnPrimaryOnlyAsync("old", "new");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await ShelfAuthor.Objects(db).GetAsync(a => a.Id == id)).Name, Is.EqualTo("new"), "default: primary");
            Assert.That((await ShelfAuthor.Objects(db).UsingReplica().GetAsync(a => a.Id == id)).Name, Is.EqualTo("old"), "UsingReplica: standby");
            Assert.That(await ShelfAuthor.Objects(db).UsingReplica().Filter(a => a.Name == "new").CountAsync(), Is.Zero);
            Assert.That(await ShelfAuthor.Objects(db).UsingReplica().Filter(a => a.Name == "old").ExistsAsync(), Is.True);
            var streamed = new List<string>();
            await foreach (var author in ShelfAuthor.Objects(db).UsingReplica())
                streamed.Add(author.Name);
            Assert.That(streamed, Is.EqualTo(new[] { "old" }), "a streamed read on the standby");
            Assert.That(await ShelfAuthor.Objects(db).UsingReplica().Select(a => a.Name).ToListAsync(), Is.EqualTo(new[] { "old" }), "a projection");
            Assert.That(await ShelfAuthor.Objects(db).Select(a => a.Name).ToListAsync(), Is.EqualTo(new[] { "new" }));
            Assert.That(await ShelfAuthor.Objects(db).UsingReplica().Select(a => a.Name, a => a.Id).FirstOrDefaultAsync(), Is.EqualTo(("old", id)));
            var projected = new List<string>();
            await foreach (var name in ShelfAuthor.Objects(db).UsingReplica().Select(a => a.Name))
                projected.Add(name);
            Assert.That(projected, Is.EqualTo(new[] { "old" }), "a streamed projection");
            Assert.That(await ShelfAuthor.Objects(db).UsingReplica().Select(a => a).ToListAsync(), Has.One.Property(nameof(ShelfAuthor.Name)).EqualTo("old"));
        }

        db.ReadFrom = ReadFrom.Replica;
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await ShelfAuthor.Objects(db).GetAsync(a => a.Id == id)).Name, Is.EqualTo("old"), "ReadFrom.Replica: standby");
            Assert.That((await ShelfAuthor.Objects(db).UsingPrimary().GetAsync(a => a.Id == id)).Name, Is.EqualTo("new"), "UsingPrimary wins");
            Assert.That((await ShelfAuthor.Objects(db).FirstOrDefaultAsync())!.Name, Is.EqualTo("old"));
        }
    }

    [Test]
    public async Task ObjectsReadFromTheStandby_LoadTheirRelationsManagersAndPrefetchesThere()
    {
        var authorId = await ScalarAsync<int>(names.PrimaryConnectionString, "INSERT INTO rep_author (name, email) VALUES ('old', '') RETURNING id");
        await ExecuteAsync(names.PrimaryConnectionString, "INSERT INTO rep_book (title, author_id) VALUES ('first', $1)", authorId);
        await set.WaitForStandbyToCatchUpAsync();
        await PauseReplayAsync(names);
        await ExecuteAsync(names.PrimaryConnectionString, "UPDATE rep_author SET name = 'new' WHERE id = $1", authorId);
        await ExecuteAsync(names.PrimaryConnectionString, "INSERT INTO rep_book (title, author_id) VALUES ('second', $1)", authorId);

        var fromStandby = await ShelfBook.Objects(db).UsingReplica().GetAsync(b => b.Title == "first");
        var fromPrimary = await ShelfBook.Objects(db).GetAsync(b => b.Title == "first");
        var authorFromStandby = await ShelfAuthor.Objects(db).UsingReplica().GetAsync(a => a.Id == authorId);
        var prefetchedOnStandby = await ShelfAuthor.Objects(db).UsingReplica().PrefetchRelated(a => a.ShelfBook).GetAsync(a => a.Id == authorId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fromStandby.Author.Name, Is.EqualTo("old"), "the lazy load of a standby object reads the standby");
            Assert.That(fromPrimary.Author.Name, Is.EqualTo("new"), "the lazy load of a primary object reads the primary");
            Assert.That(await authorFromStandby.ShelfBookSet.CountAsync(), Is.EqualTo(1), "the manager of a standby object counts on the standby");
            Assert.That(await fromPrimary.Author.ShelfBookSet.CountAsync(), Is.EqualTo(2), "...and of a primary object on the primary");
            Assert.That((await prefetchedOnStandby.ShelfBookSet.ToListAsync()).Select(b => b.Title), Is.EqualTo(new[] { "first" }), "prefetched on the standby");
        }

        // The database defaults to replicas, but an object read with UsingPrimary keeps reading the primary.
        db.ReadFrom = ReadFrom.Replica;
        var pinned = await ShelfAuthor.Objects(db).UsingPrimary().GetAsync(a => a.Id == authorId);
        Assert.That(await pinned.ShelfBookSet.CountAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task SavingAnObjectReadFromTheStandby_WritesTheChangeOnThePrimary()
    {
        var id = await AuthorRenamedOnPrimaryOnlyAsync("old", "new");
        var stale = await ShelfAuthor.Objects(db).UsingReplica().GetAsync(a => a.Id == id);
        Assert.That(stale.Name, Is.EqualTo("old"));

        stale.Email = "changed@example.com";
        await db.SaveAsync(stale);

        var row = await ShelfAuthor.Objects(db).UsingPrimary().GetAsync(a => a.Id == id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(row.Email, Is.EqualTo("changed@example.com"), "the write reached the primary");
            Assert.That(row.Name, Is.EqualTo("new"), "only the changed column was written: the stale name did not overwrite the newer one");
        }
    }

    [Test]
    public async Task InsideATransaction_EveryRead_IncludingUsingReplica_RunsOnThePrimary()
    {
        var id = await AuthorRenamedOnPrimaryOnlyAsync("old", "new");
        db.ReadFrom = ReadFrom.Replica;

        await using (var transaction = await db.BeginTransactionAsync())
        {
            var inside = await ShelfAuthor.Objects(db).UsingReplica().GetAsync(a => a.Id == id);
            var locked = await ShelfAuthor.Objects(db).SelectForUpdate().GetAsync(a => a.Id == id);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(inside.Name, Is.EqualTo("new"));
                Assert.That(locked.Name, Is.EqualTo("new"));
                Assert.That(await ShelfAuthor.Objects(db).CountAsync(), Is.EqualTo(1));
            }
            await transaction.CommitAsync();
        }
        Assert.That((await ShelfAuthor.Objects(db).AllowStale().GetAsync(a => a.Id == id)).Name, Is.EqualTo("old"), "outside it, the standby again");
    }

    [Test]
    public async Task ReadYourWrites_TheFlowReadsItsOwnWriteFromThePrimary_UntilTheStandbyHasReplayedIt()
    {
        db.ReadFrom = ReadFrom.Replica;   // replica reads are wanted before the write: its WAL position is read
        await PauseReplayAsync(names);
        var mine = new ShelfAuthor { Name = "mine" };
        await db.SaveAsync(mine);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await ShelfAuthor.Objects(db).UsingReplica().Filter(a => a.Name == "mine").CountAsync(), Is.EqualTo(1), "own write, read fresh");
            Assert.That(await ShelfAuthor.Objects(db).AllowStale().Filter(a => a.Name == "mine").CountAsync(), Is.Zero,
                "AllowStale reads the standby, which does not have it: the lag is real");
        }
        // Another flow (no execution context from this one) has not written anything: it reads the standby.
        Task<int> otherFlow;
        using (ExecutionContext.SuppressFlow())
            otherFlow = Task.Run(() => ShelfAuthor.Objects(db).UsingReplica().Filter(a => a.Name == "mine").CountAsync());
        Assert.That(await otherFlow, Is.Zero, "read-your-writes is per flow");

        // Once the standby has replayed the write, this flow reads the standby again: proved by a change it does not have.
        await ResumeReplayAsync(names);
        await set.WaitForStandbyToCatchUpAsync();
        var id = await AuthorRenamedOnPrimaryOnlyAsync("before", "after");
        Assert.That((await ShelfAuthor.Objects(db).UsingReplica().GetAsync(a => a.Id == id)).Name, Is.EqualTo("before"));
    }

    [Test]
    public async Task ReadYourWrites_AfterACommittedTransaction_AndAfterQuerySetWrites()
    {
        await PauseReplayAsync(names);
        await db.RunInTransactionAsync(async ct => await db.SaveAsync(new ShelfAuthor { Name = "in a transaction" }, ct));
        Assert.That(await ShelfAuthor.Objects(db).UsingReplica().Filter(a => a.Name == "in a transaction").CountAsync(), Is.EqualTo(1));

        await ShelfAuthor.Objects(db).Filter(a => a.Name == "in a transaction").UpdateAsync(a => a.Email.Set("x@example.com"));
        Assert.That(await ShelfAuthor.Objects(db).UsingReplica().Filter(a => a.Email == "x@example.com").CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task ReadYourWrites_AWriteInAHelperMethod_IsSeenByTheCallersReads_WhenTheCallerTracksItsFlow()
    {
        db.ReadFrom = ReadFrom.Replica;
        await PauseReplayAsync(names);
        async Task SaveInHelperAsync(string name) => await db.SaveAsync(new ShelfAuthor { Name = name });

        // Each case runs in a flow of its own, as a request would, that has not touched RelGen before the helper's write.
        async Task<int> RequestAsync(string name, bool track)
        {
            if (track)
                db.TrackWritesInThisFlow();
            await SaveInHelperAsync(name);
            return await ShelfAuthor.Objects(db).Filter(a => a.Name == name).CountAsync();
        }
        Task<int> untracked, tracked;
        using (ExecutionContext.SuppressFlow())
        {
            untracked = Task.Run(() => RequestAsync("untracked", track: false));
            tracked = Task.Run(() => RequestAsync("tracked", track: true));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await untracked, Is.Zero, "the helper's flow ended with it: the caller's read went to the paused standby");
            Assert.That(await tracked, Is.EqualTo(1), "TrackWritesInThisFlow: the caller reads the helper's write");
        }
    }

    [Test]
    public async Task AReplicaThatCannotBeReached_SendsTheReadToThePrimary()
    {
        int closedPort;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }
        await ExecuteAsync(names.PrimaryConnectionString, "INSERT INTO rep_author (name, email) VALUES ('probe', '')");
        await using var primary = NpgsqlDataSource.Create(names.PrimaryConnectionString);
        await using var nowhere = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(names.StandbyConnectionString) { Port = closedPort, Timeout = 2 }.ConnectionString);
        await using var split = RelGenDatabase.Create(primary, nowhere);

        var probe = await ShelfProbe.Objects(split).UsingReplica().GetAsync();

        Assert.That(probe.OnStandby, Is.False);
    }

    [Test]
    public async Task ReadYourWrites_Window_ReadsThePrimaryForTheWindowOnly()
    {
        await using var windowed = RelGenDatabase.Create(names.MultiHostConnectionString);
        windowed.ReadYourWrites = ReadYourWrites.Window;
        windowed.ReadYourWritesWindow = TimeSpan.FromMilliseconds(300);
        await PauseReplayAsync(names);
        await windowed.SaveAsync(new ShelfAuthor { Name = "windowed" });

        Assert.That(await ShelfAuthor.Objects(windowed).UsingReplica().Filter(a => a.Name == "windowed").CountAsync(), Is.EqualTo(1), "inside the window");
        await Task.Delay(400);
        Assert.That(await ShelfAuthor.Objects(windowed).UsingReplica().Filter(a => a.Name == "windowed").CountAsync(), Is.Zero,
            "after it the standby answers, stale while its replay is paused");
    }

    [Test]
    public async Task ReadYourWrites_NeverReadsAnOwnWriteStale_UnderRealLag()
    {
        db.ReadFrom = ReadFrom.Replica;
        var author = new ShelfAuthor { Name = "v0" };
        await db.SaveAsync(author);
        const int probes = 100;
        int stale = 0, staleWhenAllowed = 0;
        for (var i = 1; i <= probes; i++)
        {
            author.Name = $"v{i}";
            await db.SaveAsync(author);
            if ((await ShelfAuthor.Objects(db).GetAsync(a => a.Id == author.Id)).Name != author.Name)
                stale++;
            author.Name = $"w{i}";
            await db.SaveAsync(author);
            if ((await ShelfAuthor.Objects(db).AllowStale().GetAsync(a => a.Id == author.Id)).Name != author.Name)
                staleWhenAllowed++;
        }
        TestContext.Progress.WriteLine($"read-your-writes: {stale}/{probes} stale; the same read with AllowStale: {staleWhenAllowed}/{probes} stale");
        Assert.That(stale, Is.Zero);
    }

    [Test]
    public async Task SeparateDataSources_ReadsFromTheReplicaSource()
    {
        await using var primary = NpgsqlDataSource.Create(names.PrimaryConnectionString);
        await using var standby = NpgsqlDataSource.Create(names.StandbyConnectionString);
        await using var split = RelGenDatabase.Create(primary, standby);
        var id = await AuthorRenamedOnPrimaryOnlyAsync("old", "new");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(split.DataSource, Is.SameAs(primary));
            Assert.That((await ShelfAuthor.Objects(split).UsingReplica().GetAsync(a => a.Id == id)).Name, Is.EqualTo("old"));
            Assert.That((await ShelfAuthor.Objects(split).GetAsync(a => a.Id == id)).Name, Is.EqualTo("new"));
        }
    }

    [Test]
    public async Task AWriteThatReachesTheStandby_IsReadOnlyTransactionException()
    {
        // A misconfiguration: the "primary" is the standby.
        await using var wrong = RelGenDatabase.Create(names.StandbyConnectionString);

        var refused = Assert.ThrowsAsync<ReadOnlyTransactionException>(async () => await wrong.SaveAsync(new ShelfAuthor { Name = "nope" }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused!.SqlState, Is.EqualTo("25006"));
            Assert.That(refused.Model, Is.EqualTo(nameof(ShelfAuthor)));
            Assert.That(refused.Operation, Is.EqualTo(DatabaseOperation.Save));
            Assert.That(refused.IsTransient, Is.False);
            Assert.That(refused.InnerException, Is.InstanceOf<PostgresException>());
        }
        Assert.That(await ScalarAsync<long>(names.PrimaryConnectionString, "SELECT count(*) FROM rep_author"), Is.Zero);
    }
}
