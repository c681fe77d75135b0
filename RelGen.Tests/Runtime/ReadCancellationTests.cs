using RelGen.Tests.Models;

namespace RelGen.Tests.Runtime;

/// <summary>
/// Cancellation is observed while rows are read, not only while waiting for the server: the rows of a result arrive
/// long before they are all read, and a token cancelled then must still stop the read. <see cref="Tick"/> reports each
/// row it is read from, so the tests cancel after an exact row and count what was read after it.
/// </summary>
public sealed class ReadCancellationTests : SchemaTest
{
    private const int Rows = 20_000;
    private TickGroup _group = null!;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _group = new TickGroup { Name = "all" };
        await Db.SaveAsync(_group);
        await Db.BulkCreateAsync(Enumerable.Range(0, Rows).Select(i => new Tick { N = i, Group = _group }));
    }

    [TearDown]
    public void StopWatching() => Tick.Reading.Value = null;

    /// <summary>Cancels <paramref name="source"/> when the <paramref name="cancelAt"/>th row is read; returns how many rows are read in all.</summary>
    private static Func<int> CancelAtRow(CancellationTokenSource source, int cancelAt)
    {
        var read = 0;
        Tick.Reading.Value = () =>
        {
            if (++read == cancelAt)
                source.Cancel();
        };
        return () => read;
    }

    private async Task ThePoolStillWorksAsync() => Assert.That(await Tick.Objects(Db).CountAsync(), Is.EqualTo(Rows));

    [Test]
    public async Task AStreamCancelledAfterTheFirstRowStops()
    {
        using var source = new CancellationTokenSource();
        var yielded = 0;
        Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var tick in Tick.Objects(Db).OrderBy(t => t.N).WithCancellation(source.Token))
            {
                yielded++;
                source.Cancel();
            }
        });
        Assert.That(yielded, Is.EqualTo(1));
        await ThePoolStillWorksAsync();
    }

    [TestCase(FetchMode.One)]
    [TestCase(FetchMode.Peers)]
    public async Task AStreamCancelledWhileItReadsAheadStopsReading(FetchMode mode)
    {
        // Peers (and prefetch) read a chunk of rows ahead of what they yield: cancelling inside the chunk stops it too.
        using var source = new CancellationTokenSource();
        var read = CancelAtRow(source, 10);
        Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var tick in Tick.Objects(Db).WithFetchMode(mode).WithCancellation(source.Token))
            {
            }
        });
        Assert.That(read(), Is.EqualTo(10));
        await ThePoolStillWorksAsync();
    }

    [Test]
    public async Task ToListAsyncCancelledWhileRowsAreReadThrows()
    {
        using var source = new CancellationTokenSource();
        var read = CancelAtRow(source, 1);
        Assert.CatchAsync<OperationCanceledException>(() => Tick.Objects(Db).ToListAsync(source.Token));
        Assert.That(read(), Is.EqualTo(1), "no row is read after the token is cancelled");
        await ThePoolStillWorksAsync();
    }

    [Test]
    public async Task APrefetchCancelledWhileItReadsThrows()
    {
        using var source = new CancellationTokenSource();
        var read = CancelAtRow(source, 5);
        Assert.CatchAsync<OperationCanceledException>(() => TickGroup.Objects(Db).PrefetchRelated(g => g.Tick).ToListAsync(source.Token));
        Assert.That(read(), Is.EqualTo(5));
        await ThePoolStillWorksAsync();
    }

    [Test]
    public async Task ToListAsyncWithAShortTimeoutThrowsWhenItPassesWhileRowsAreRead()
    {
        // A timer fires whenever the machine gets to it, so a plain "5 ms" test proves nothing either way. Here the 5 ms
        // timeout starts at the first row, and that row is not finished until the timer has fired: the timeout certainly
        // passes while rows are read, with the rest of the 20,000 rows already on their way.
        using var source = new CancellationTokenSource();
        var read = 0;
        var fired = false;
        Tick.Reading.Value = () =>
        {
            if (++read == 1)
            {
                source.CancelAfter(TimeSpan.FromMilliseconds(5));
                fired = source.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
            }
        };
        Assert.CatchAsync<OperationCanceledException>(() => Tick.Objects(Db).ToListAsync(source.Token));
        Assert.That(fired, Is.True);
        Assert.That(read, Is.EqualTo(1));
        await ThePoolStillWorksAsync();
    }

    [Test]
    public async Task TheGeneratedReaderRunsThroughTheSetter()
    {
        // The tests above rely on it: a row read calls Tick.N's setter.
        var read = 0;
        Tick.Reading.Value = () => read++;
        await Tick.Objects(Db).Take(3).ToListAsync();
        Assert.That(read, Is.EqualTo(3));
    }
}
