using RelGen.Tests.Models;

namespace RelGen.Tests.Runtime;

/// <summary>
/// Streaming holds memory flat in every fetch mode: a peer group covers a chunk of rows (as Django's iterator chunks
/// them), not the whole result, so rows already read can be collected.
/// </summary>
public sealed class StreamingMemoryTests : SchemaTest
{
    private const int Rows = 300_000;

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

    [Test]
    public async Task PeersOfAStreamedChunkLoadTogether()
    {
        Sql.Clear();
        var read = 0;
        await foreach (var article in Article.Objects(Db).WithFetchMode(FetchMode.Peers).OrderBy(a => a.Id).Take(3000))
        {
            _ = article.Reporter.FirstName;
            read++;
        }
        // One query for the rows, then one per chunk of peers: the first chunk's peers load together, and so do the next's.
        Assert.That(read, Is.EqualTo(3000));
        Assert.That(Sql.Count, Is.EqualTo(1 + 2));
    }
}
