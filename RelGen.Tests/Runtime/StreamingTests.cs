using RelGen.Tests.Models;

namespace RelGen.Tests.Runtime;

/// <summary>
/// <c>await foreach</c> loads what <c>ToListAsync</c> loads: prefetched reverse sets (one query per chunk of rows), served
/// by every terminal of the prefetched managers; and inside a transaction it streams through a cursor, so the loop's body
/// can use the transaction's connection between chunks.
/// </summary>
public sealed class StreamingTests : SchemaTest
{
    private const int Reporters = 2500;   // more than one chunk of 2,000

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        var reporters = Enumerable.Range(0, Reporters).Select(i => new Reporter { FirstName = "R" + i.ToString("D4"), LastName = "Stream" }).ToList();
        await Db.BulkCreateAsync(reporters);
        // Every reporter but the last has two articles; the last has none.
        await Db.BulkCreateAsync(reporters.SkipLast(1).SelectMany(r => new[]
        {
            new Article { Headline = r.FirstName + " a", PubDate = new DateOnly(2024, 1, 1), Reporter = r },
            new Article { Headline = r.FirstName + " b", PubDate = new DateOnly(2024, 1, 2), Reporter = r },
        }));
    }

    [Test]
    public async Task AStreamHonoursPrefetchRelatedAndEveryTerminalOfThePrefetchedManagerUsesIt()
    {
        Sql.Clear();
        var streamed = new List<Reporter>();
        await foreach (var reporter in Reporter.Objects(Db).OrderBy(r => r.FirstName).Take(5).PrefetchRelated(r => r.Article))
            streamed.Add(reporter);
        // Outside a transaction the stream opens a read-only one of its own for its cursor, so the prefetch runs on the
        // stream's connection (never a second pooled one); BEGIN travels with the DECLARE.
        Assert.That(Sql.Commands.Select(Kind), Is.EqualTo(new[] { "BEGIN", "DECLARE", "FETCH", "PREFETCH", "ROLLBACK" }),
            "the rows through a cursor, then one query for their articles");

        var first = streamed[0];
        var headlines = new List<string>();
        await foreach (var article in first.ArticleSet)
            headlines.Add(article.Headline);
        await foreach (var article in first.ArticleSet.WithCancellation(CancellationToken.None))
            headlines.Add(article.Headline);
        IAsyncEnumerable<Article> asInterface = first.ArticleSet;
        await foreach (var article in asInterface)
            headlines.Add(article.Headline);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(headlines, Is.EqualTo(new[] { "R0000 a", "R0000 b", "R0000 a", "R0000 b", "R0000 a", "R0000 b" }));
            Assert.That(await first.ArticleSet.CountAsync(), Is.EqualTo(2));
            Assert.That(await first.ArticleSet.ExistsAsync(), Is.True);
            Assert.That((await first.ArticleSet.ToListAsync()).Select(a => a.Headline), Is.EqualTo(new[] { "R0000 a", "R0000 b" }));
            Assert.That(Sql.Count, Is.EqualTo(5), "every terminal of a prefetched manager is served from the prefetch");
        }
    }

    [Test]
    public async Task ManagersOfAnEmptyPrefetchedSetAnswerWithoutAQuery()
    {
        var last = (await Reporter.Objects(Db).OrderBy(r => r.FirstName.Desc()).Take(1).PrefetchRelated(r => r.Article).ToListAsync())[0];
        Sql.Clear();
        var streamed = 0;
        await foreach (var article in last.ArticleSet)
            streamed++;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(streamed, Is.Zero);
            Assert.That(await last.ArticleSet.CountAsync(), Is.Zero);
            Assert.That(await last.ArticleSet.ExistsAsync(), Is.False);
            Assert.That(Sql.Count, Is.Zero);
        }
    }

    [Test]
    public async Task ALongStreamPrefetchesOnceForEachChunk()
    {
        Sql.Clear();
        var read = 0;
        var articles = 0;
        await foreach (var reporter in Reporter.Objects(Db).OrderBy(r => r.FirstName).PrefetchRelated(r => r.Article))
        {
            read++;
            articles += await reporter.ArticleSet.CountAsync();
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(read, Is.EqualTo(Reporters));
            Assert.That(articles, Is.EqualTo(2 * (Reporters - 1)));
            Assert.That(Sql.Commands.Select(Kind), Is.EqualTo(new[] { "BEGIN", "DECLARE", "FETCH", "PREFETCH", "FETCH", "PREFETCH", "ROLLBACK" }),
                "one fetch and one prefetch per chunk of 2,000; no manager queries");
        }
    }

    [Test]
    public async Task AStreamWithPrefetchNeedsOneConnectionOnly()
    {
        // With a pool of one, a prefetch on a second pooled connection would wait for the stream's own until it timed out.
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { MaxPoolSize = 1, Timeout = 3 };
        await using var one = RelGenDatabase.Create(builder.ConnectionString);
        var read = 0;
        var articles = 0;
        await foreach (var reporter in Reporter.Objects(one).OrderBy(r => r.FirstName).PrefetchRelated(r => r.Article))
        {
            read++;
            articles += await reporter.ArticleSet.CountAsync();
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(read, Is.EqualTo(Reporters));
            Assert.That(articles, Is.EqualTo(2 * (Reporters - 1)));
        }
    }

    [Test]
    public async Task InsideATransactionTheLoopCanUseTheConnectionBetweenChunks()
    {
        var work = RunAsync();
        // A deadlock would hang forever: fail instead.
        await work.WaitAsync(TimeSpan.FromSeconds(60));

        async Task RunAsync()
        {
            await using var tx = await Db.BeginTransactionAsync();
            var extra = new Reporter { FirstName = "Uncommitted", LastName = "Stream" };
            await Db.SaveAsync(extra);
            await extra.ArticleSet.CreateAsync(headline: "Uncommitted a", pubDate: new DateOnly(2024, 2, 1));
            Sql.Clear();
            var read = 0;
            var articles = 0;
            await foreach (var reporter in Reporter.Objects(Db).OrderBy(r => r.FirstName).PrefetchRelated(r => r.Article))
            {
                read++;
                articles += await reporter.ArticleSet.CountAsync();
                if (read % 1000 == 0)
                    await Db.SaveAsync(new Label { Name = "in loop " + read });      // a write between rows, on the same connection
                if (reporter.FirstName == "R0001")
                    _ = (await Article.Objects(Db).FirstOrDefaultAsync())!.Reporter.LastName;   // a query and a lazy load
            }
            using (Assert.EnterMultipleScope())
            {
                Assert.That(read, Is.EqualTo(Reporters + 1), "the transaction's own uncommitted row is read");
                Assert.That(articles, Is.EqualTo(2 * (Reporters - 1) + 1));
                Assert.That(Sql.Commands.Count(c => c.StartsWith("DECLARE relgen_stream_", StringComparison.Ordinal)), Is.EqualTo(1));
                Assert.That(Sql.Commands.Count(c => c.StartsWith("FETCH FORWARD 2000 FROM relgen_stream_", StringComparison.Ordinal)), Is.EqualTo(2));
                Assert.That(Sql.Commands.Count(c => c.StartsWith("CLOSE relgen_stream_", StringComparison.Ordinal)), Is.EqualTo(1));
                Assert.That(await Label.Objects(Db).Filter(l => l.Name.StartsWith("in loop")).CountAsync(), Is.EqualTo(2));
            }
            await tx.RollbackAsync();
        }
    }

    [Test]
    public async Task StreamsNestInATransaction()
    {
        await using var tx = await Db.BeginTransactionAsync();
        var pairs = 0;
        await foreach (var reporter in Reporter.Objects(Db).OrderBy(r => r.FirstName).Take(3))
        {
            await foreach (var article in Article.Objects(Db).Filter(a => a.Reporter == reporter))
            {
                await foreach (var again in Reporter.Objects(Db).Filter(r => r.Id == article.ReporterId))
                    pairs++;
            }
        }
        Assert.That(pairs, Is.EqualTo(6));
        await tx.CommitAsync();
    }

    [Test]
    public async Task AStreamWhoseTransactionEndsRefusesToReadOn()
    {
        var error = Assert.CatchAsync<InvalidOperationException>(async () =>
        {
            var tx = await Db.BeginTransactionAsync();
            await foreach (var reporter in Reporter.Objects(Db).OrderBy(r => r.FirstName))
            {
                if (tx is null)
                    continue;
                await tx.CommitAsync();
                await tx.DisposeAsync();
                tx = null;
            }
        });
        Assert.That(error!.Message, Does.Contain("Reporter").And.Contain("transaction"));
        Assert.That(await Reporter.Objects(Db).CountAsync(), Is.EqualTo(Reporters));
    }

    [Test]
    public async Task LeavingAStreamEarlyFreesTheConnectionAndATransactionStaysUsable()
    {
        var seen = 0;
        await foreach (var reporter in Reporter.Objects(Db))
        {
            if (++seen == 3)
                break;
        }
        Assert.That(await Reporter.Objects(Db).CountAsync(), Is.EqualTo(Reporters));

        await using var tx = await Db.BeginTransactionAsync();
        seen = 0;
        await foreach (var reporter in Reporter.Objects(Db))
        {
            if (++seen == 3)
                break;
        }
        Assert.That(await Reporter.Objects(Db).CountAsync(), Is.EqualTo(Reporters), "the transaction goes on after the stream is left");
        await tx.CommitAsync();
    }

    /// <summary>What a logged command is: the first word of its text, or PREFETCH for a query by an array of keys.</summary>
    private static string Kind(string sql) => sql.Contains("= ANY(", StringComparison.Ordinal) ? "PREFETCH" : sql.Split(' ', 2)[0];
}
