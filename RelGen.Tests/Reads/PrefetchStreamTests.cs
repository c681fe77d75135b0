using RelGen.Tests.Models.Reads;

namespace RelGen.Tests.Reads;

/// <summary><c>await foreach</c> with PrefetchRelated: a cursor read a chunk at a time, each chunk prefetched before it is yielded.</summary>
public sealed class PrefetchStreamTests : SchemaTest
{
    private const int Authors = 2_500;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        var authors = Enumerable.Range(0, Authors).Select(i => new Author { Name = $"W{i:D4}" }).ToList();
        await Db.BulkCreateAsync(authors);
        await Db.BulkCreateAsync(authors.Select(a => new Book { Title = a.Name + " book", Pages = 10, Published = new(2020, 1, 1), Author = a }));
    }

    [Test]
    public async Task EveryStreamedObjectIsServedFromItsChunksPrefetch()
    {
        Sql.Clear();
        var streamed = 0;
        await foreach (var author in Author.Objects(Db).PrefetchRelated(a => a.Book))
        {
            var books = await author.BookSet.ToListAsync();
            Assert.That(books.Single().Title, Is.EqualTo(author.Name + " book"));
            streamed++;
        }
        Assert.That(streamed, Is.EqualTo(Authors));
        var commands = Sql.Commands;
        Assert.That(commands.Count(c => c.StartsWith("FETCH FORWARD 2000", StringComparison.Ordinal)), Is.EqualTo(2), "2,000 then 500 rows");
        Assert.That(commands.Count(c => c.Contains("FROM \"rd_book\"", StringComparison.Ordinal)), Is.EqualTo(2), "one prefetch per chunk");
        Assert.That(commands[0], Is.EqualTo("BEGIN"));
        Assert.That(commands[1], Does.StartWith("DECLARE relgen_stream_"));
    }

    [Test]
    public async Task InsideATransactionTheStreamAndItsPrefetchesShareTheConnection()
    {
        await using var tx = await Db.BeginTransactionAsync();
        var extra = new Author { Name = "ZZZ in tx" };
        await Db.SaveAsync(extra);
        await extra.BookSet.CreateAsync(new Book { Title = "uncommitted", Pages = 1, Published = new(2024, 1, 1) });
        string? last = null;
        var count = 0;
        await foreach (var author in Author.Objects(Db).PrefetchRelated(a => a.Book))
        {
            count++;
            last = (await author.BookSet.ToListAsync()).Single().Title;
        }
        Assert.That(count, Is.EqualTo(Authors + 1));
        Assert.That(last, Is.EqualTo("uncommitted"), "the prefetch sees the transaction's own rows");
        Assert.That(await Author.Objects(Db).CountAsync(), Is.EqualTo(Authors + 1), "the transaction is still usable after the stream");
    }
}
