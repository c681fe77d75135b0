using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using RelGen.Testing;
using RelGen.Tests.Replicas.Models;
using static RelGen.Tests.Replicas.ReplicaSets;

namespace RelGen.Tests.Replicas;

/// <summary>
/// The README's failover recipe on a real replica set: writers and readers on one multi-host <see cref="RelGenDatabase"/>; the
/// primary is stopped (immediate: a crash) and the standby promoted. Every failure the callers see is a typed RelGen exception,
/// the writes resume on the promoted standby, and no acknowledged write is lost.
/// </summary>
[Category("Replica")]
[NonParallelizable]
public sealed class FailoverTests
{
    /// <summary>With <c>Host Recheck Seconds=1</c>, as the recipe says.</summary>
    [Test]
    public Task PrimaryCrashesAndStandbyIsPromoted_CallersSeeTypedTransientErrors_AndNoAcknowledgedWriteIsLost() => FailOverAsync(hostRecheckSeconds: 1);

    /// <summary>The same with Npgsql's default host recheck (10 s), for the README's comparison.</summary>
    [Test]
    [Explicit("Measures recovery with Npgsql's default host recheck; run it by name.")]
    public Task WithNpgsqlsDefaultHostRecheck() => FailOverAsync(hostRecheckSeconds: 10);

    static async Task FailOverAsync(int hostRecheckSeconds)
    {
        await using var set = await ReplicaSets.StartAsync();
        var names = await set.CreateDatabaseAsync();
        await using (var setup = RelGenDatabase.Create(names.PrimaryConnectionString))
            await setup.CreateTablesAsync();
        await set.WaitForStandbyToCatchUpAsync();

        // The recipe: every host in one string, a short host-state cache, commits the standby has before they are acknowledged.
        var connectionString = new NpgsqlConnectionStringBuilder(names.MultiHostConnectionString)
        {
            HostRecheckSeconds = hostRecheckSeconds,
            Timeout = 2,
            Options = "-c synchronous_commit=on",
        }.ConnectionString;
        await using var db = RelGenDatabase.Create(connectionString);
        db.ReadFrom = ReadFrom.Replica;

        var acknowledged = new ConcurrentBag<string>();
        var errors = new ConcurrentDictionary<string, int>();
        var untyped = new ConcurrentBag<Exception>();
        var clock = Stopwatch.StartNew();
        long crashedAt = long.MaxValue, firstWriteAfter = long.MaxValue;
        using var stop = new CancellationTokenSource();

        // The recipe's policy: attempts spread over about ten seconds, enough for a promotion.
        var recipe = new RetryPolicy { MaxAttempts = 12, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(2) };
        var recipeFailures = new ConcurrentBag<Exception>();

        async Task WriterAsync(int writer, RetryPolicy policy)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var name = $"w{writer}-{i}";
                try
                {
                    await db.RunInTransactionAsync(async ct =>
                    {
                        await db.SaveAsync(new ShelfAuthor { Name = name }, ct);
                        await ShelfAuthor.Objects(db).Filter(a => a.Name == name).CountAsync(ct);
                    }, policy);
                    acknowledged.Add(name);
                    if (clock.ElapsedMilliseconds > Volatile.Read(ref crashedAt))
                        Interlocked.CompareExchange(ref firstWriteAfter, clock.ElapsedMilliseconds, long.MaxValue);
                }
                catch (Exception e)
                {
                    Record(e);
                    if (policy != RetryPolicy.None && e is not TransactionOutcomeUnknownException)
                        recipeFailures.Add(e);
                    await Task.Delay(20);
                }
            }
        }

        async Task ReaderAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await ShelfAuthor.Objects(db).Take(5).ToListAsync();
                }
                catch (Exception e)
                {
                    Record(e);
                    await Task.Delay(20);
                }
            }
        }

        void Record(Exception e)
        {
            errors.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
            // A write outside a transaction may be cut off after its commit was sent: unknown, never transient. The transactions
            // here commit explicitly, so every failover error must be transient (safe to run again).
            if (e is not DatabaseException { IsTransient: true } && e is not TransactionOutcomeUnknownException)
                untyped.Add(e);
        }

        var load = new List<Task> { WriterAsync(1, RetryPolicy.None), WriterAsync(2, RetryPolicy.None), WriterAsync(3, recipe), ReaderAsync() };
        while (acknowledged.Count < 50)
            await Task.Delay(10);

        var stopping = clock.ElapsedMilliseconds;
        await set.Primary.StopAsync(ShutdownMode.Immediate);
        // From here on the old primary is gone: an acknowledged write can only come from the promoted standby.
        Volatile.Write(ref crashedAt, clock.ElapsedMilliseconds);
        await set.Standby.PromoteAsync();
        var promotedAt = clock.ElapsedMilliseconds;
        var before = acknowledged.Count;
        var deadline = Stopwatch.StartNew();
        while (acknowledged.Count < before + 50 && deadline.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(10);
        stop.Cancel();
        await Task.WhenAll(load);

        var recovery = firstWriteAfter - crashedAt;
        TestContext.Progress.WriteLine(
            $"failover (Host Recheck Seconds={hostRecheckSeconds}): primary stopped (immediate) in {crashedAt - stopping} ms, standby promoted {promotedAt - crashedAt} ms later, first acknowledged write "
            + $"{recovery} ms after the stop; {acknowledged.Count} writes acknowledged; errors: "
            + string.Join(", ", errors.OrderBy(e => e.Key).Select(e => $"{e.Key} {e.Value}")));

        var onNewPrimary = new HashSet<string>();
        await using (var connection = new NpgsqlConnection(names.StandbyConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT name FROM rep_author", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                onNewPrimary.Add(reader.GetString(0));
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(acknowledged.Count, Is.GreaterThanOrEqualTo(before + 50), "writes resumed on the promoted standby");
            Assert.That(acknowledged.Where(name => !onNewPrimary.Contains(name)), Is.Empty, "no acknowledged write lost");
            Assert.That(untyped.Select(e => $"{e.GetType().Name}: {e.Message}"), Is.Empty, "every failover error typed and transient");
            Assert.That(recipeFailures.Select(e => $"{e.GetType().Name}: {e.Message}"), Is.Empty, "the recipe's retry policy rides the failover out");
            Assert.That(await set.Standby.IsInRecoveryAsync(), Is.False);
        }
    }
}
