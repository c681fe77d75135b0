using RelGen.Query;
using RelGen.Tests.Models;

namespace RelGen.Tests.Runtime;

/// <summary>
/// Streaming holds memory flat in every fetch mode: a peer group covers a chunk of rows (as Django's iterator chunks
/// them), not the whole result, so rows already read can be collected.
/// </summary>
public sealed class StreamingMemoryTests : SchemaTest
{
    private const int Rows = 300_000;
    private const int Chunk = RowMaterializer<Article>.PeerChunk;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        var reporter = new Reporter { FirstName = "Stream", LastName = "Writer" };
        await Db.SaveAsync(reporter);
        var day = new DateOnly(2024, 1, 1);
        await Db.BulkCreateAsync(Enumerable.Range(0, Rows).Select(i => new Article { Headline = "Streamed headline number " + i, PubDate = day, Reporter = reporter }));
    }

    [TestCase(FetchMode.Peers)]
    [TestCase(FetchMode.One)]
    public async Task StreamingKeepsMemoryFlat(FetchMode mode)
    {
        long early = 0, late = 0;
        var count = 0;
        await foreach (var article in Article.Objects(Db).WithFetchMode(mode).OrderBy(a => a.Id))
        {
            count++;
            if (count == 50_000)
                early = GC.GetTotalMemory(forceFullCollection: true);
            else if (count == 280_000)
                late = GC.GetTotalMemory(forceFullCollection: true);
        }
        Assert.That(count, Is.EqualTo(Rows));
        // 230,000 more rows read: kept alive they would be tens of megabytes; streamed they cost nothing lasting.
        Assert.That(late - early, Is.LessThan(8 * 1024 * 1024), $"live memory grew from {early:N0} to {late:N0} bytes");
    }

    [TestCase(FetchMode.Peers, false)]
    [TestCase(FetchMode.Peers, true)]
    [TestCase(FetchMode.One, false)]
    public async Task ObjectsOfEarlierChunksAreCollectedWhileStreaming(FetchMode mode, bool inTransaction)
    {
        await using var transaction = inTransaction ? await Db.BeginTransactionAsync() : null;
        await using var rows = Article.Objects(Db).WithFetchMode(mode).OrderBy(a => a.Id).GetAsyncEnumerator();
        var first = await ReadFirstAsync(rows);
        // Two chunks further: only the stream could still hold the first chunk (its list, its peer group, its objects).
        for (var i = 1; i <= 2 * Chunk; i++)
            Assert.That(await rows.MoveNextAsync(), Is.True);
        // Rows already received complete reads synchronously, so the loop may have run on top of the frames that finished
        // the first read, whose stale slots the GC still scans: collect from a fresh thread-pool stack.
        await Task.Yield();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.That(first.TryGetTarget(out _), Is.False, "the first streamed object is still reachable two chunks later");
    }

    /// <summary>
    /// The first object, held only weakly, after loading its reporter (in Peers mode, for the whole first chunk). A method of
    /// its own, so that no slot of the test's frame keeps the object alive.
    /// </summary>
    private static async Task<WeakReference<Article>> ReadFirstAsync(IAsyncEnumerator<Article> rows)
    {
        Assert.That(await rows.MoveNextAsync(), Is.True);
        Assert.That(rows.Current.Reporter.FirstName, Is.EqualTo("Stream"));
        return new WeakReference<Article>(rows.Current);
    }

    [Test]
    public async Task AStreamedPeersChunkLeavesNoObjectInItsReadBuffer()
    {
        // Peers chunks are read into a pooled buffer, then moved into the group's list: a shorter second chunk overwrites
        // only the start of the buffer, so the first chunk's last object is collected only if the buffer forgets it.
        await using var rows = Article.Objects(Db).WithFetchMode(FetchMode.Peers).OrderBy(a => a.Id).Take(Chunk + 10).GetAsyncEnumerator();
        var last = await ReadToEndOfFirstChunkAsync(rows);
        Assert.That(await rows.MoveNextAsync(), Is.True);   // the second chunk, 10 rows, is read
        await Task.Yield();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.That(last.TryGetTarget(out _), Is.False, "the first chunk's last object is still reachable in the second chunk");
        Assert.That(rows.Current.Reporter.FirstName, Is.EqualTo("Stream"));
    }

    /// <summary>The first chunk's last object, held only weakly (a method of its own, so no slot of the test's frame holds it).</summary>
    private static async Task<WeakReference<Article>> ReadToEndOfFirstChunkAsync(IAsyncEnumerator<Article> rows)
    {
        for (var i = 0; i < Chunk; i++)
            Assert.That(await rows.MoveNextAsync(), Is.True);
        return new WeakReference<Article>(rows.Current);
    }

    [TestCase(3000)]
    [TestCase(2 * Chunk)]
    public async Task PeersOfAStreamedChunkLoadTogether(int take)
    {
        Sql.Clear();
        var read = 0;
        await foreach (var article in Article.Objects(Db).WithFetchMode(FetchMode.Peers).OrderBy(a => a.Id).Take(take))
        {
            _ = article.Reporter.FirstName;
            read++;
        }
        // One query for the rows, then one per chunk of peers: the first chunk's peers load together, and so do the next's
        // (a stream that ends exactly at a chunk's end reads no third, empty group).
        Assert.That(read, Is.EqualTo(take));
        Assert.That(Sql.Count, Is.EqualTo(1 + 2));
    }

    [Test]
    public async Task PeersOfAListLoadTogetherPerChunk()
    {
        var articles = await Article.Objects(Db).WithFetchMode(FetchMode.Peers).OrderBy(a => a.Id).Take(2 * Chunk + 500).ToListAsync();
        Sql.Clear();
        // Every chunk of the list is one peer group: a read on any of its objects loads the relation for the group only.
        foreach (var index in new[] { 0, Chunk - 1, Chunk, 2 * Chunk - 1, 2 * Chunk, articles.Count - 1 })
            Assert.That(articles[index].Reporter.FirstName, Is.EqualTo("Stream"));
        Assert.That(Sql.Count, Is.EqualTo(3));
    }
}
