using Npgsql;
using RelGen.Testing;
using RelGen.Tests.Integrity.Models;
using RelGen.Tests.Testing;

namespace RelGen.Tests.Integrity;

/// <summary>
/// Behind PgBouncer in transaction mode each transaction may run on another server session, so a statement prepared on one is
/// missing on the next, or is another client's statement of the same name (PgBouncer before 1.21 does not track them):
/// RelGen must send unprepared statements there, and finds out by itself (<see cref="StatementPreparation.Auto"/>). Ignored,
/// with a how-to, where pgbouncer is not installed (unless RELGEN_REQUIRE_PGBOUNCER=1).
/// </summary>
[Category("PgBouncer")]
public sealed class PoolerTests
{
    private const int Flows = 500;
    private const int Rows = 200;

    private string _database = "";
    private EphemeralPgBouncer _bouncer = null!;
    private int[] _keys = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var server = await PostgresSetUp.GetServerAsync();
        _database = await server.CreateDatabaseAsync();
        await using (var db = RelGenDatabase.Create(_database))
        {
            await db.CreateTablesAsync();
            var counters = Enumerable.Range(0, Rows).Select(i => new Counter { Name = $"row-{i}", Value = i * 7 }).ToList();
            await db.BulkCreateAsync(counters);
            _keys = [.. counters.Select(c => c.Id)];
        }
        _bouncer = await PgBouncerRequirement.StartAsync(_database, new EphemeralPgBouncerOptions { PoolSize = 8 });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_bouncer is not null)
            await _bouncer.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
    }

    private string ThroughBouncer(int maxPoolSize, bool multiplexing = false)
        => new NpgsqlConnectionStringBuilder(_bouncer.ConnectionString) { MaxPoolSize = maxPoolSize, Multiplexing = multiplexing }.ConnectionString;

    [Test]
    public async Task AutoPreparesOnTheServerAndNotBehindThePooler()
    {
        await using var direct = RelGenDatabase.Create(_database);
        await Counter.Objects(direct).CountAsync();
        Assert.That(direct.PreparesStatements, Is.True, "a direct connection: the backend pid is the server's");

        await using var pooled = RelGenDatabase.Create(ThroughBouncer(10));
        await Counter.Objects(pooled).CountAsync();
        Assert.That(pooled.PreparesStatements, Is.False, "PgBouncer answers the start-up with a process id of its own");

        await using var multiplexed = RelGenDatabase.Create(new NpgsqlConnectionStringBuilder(_database) { Multiplexing = true }.ConnectionString);
        Assert.That(await Counter.Objects(multiplexed).Filter(c => c.Value >= 0).CountAsync(), Is.EqualTo(Rows), "multiplexing works");
        Assert.That(multiplexed.PreparesStatements, Is.False);

        pooled.StatementPreparation = StatementPreparation.Prepared;
        Assert.That(pooled.PreparesStatements, Is.True, "an explicit setting wins");
    }

    [Test]
    public async Task FiveHundredConcurrentFlowsGetOnlyTheirOwnRowsInTransactionMode()
    {
        await using var db = RelGenDatabase.Create(ThroughBouncer(Flows));
        var wrong = await RunFlowsAsync(db);
        Assert.That(db.PreparesStatements, Is.False);
        Assert.That(wrong, Is.Empty, $"{wrong.Count} wrong results, e.g. {string.Join("; ", wrong.Take(3))}");
    }

    /// <summary>
    /// The failure the setting prevents, measured: prepared statements through PgBouncer 1.18 in transaction mode. Explicit,
    /// because a PgBouncer from 1.21 on that tracks prepared statements (<c>max_prepared_statements</c>) gets them right.
    /// </summary>
    [Test, Explicit("A measurement of what goes wrong without the setting; see the README's \"Poolers\" section.")]
    public async Task PreparedStatementsThroughThePoolerGoWrong()
    {
        await using var db = RelGenDatabase.Create(ThroughBouncer(Flows));
        db.StatementPreparation = StatementPreparation.Prepared;
        var wrong = await RunFlowsAsync(db);
        TestContext.Out.WriteLine($"Prepared through PgBouncer: {wrong.Count} wrong results or errors of {Flows * 4 * 4} checks; e.g.{Environment.NewLine}  "
            + string.Join(Environment.NewLine + "  ", wrong.Take(5)));
        Assert.That(wrong, Is.Not.Empty);
    }

    [Test]
    public async Task MultiplexingWorksUnprepared()
    {
        await using var db = RelGenDatabase.Create(new NpgsqlConnectionStringBuilder(_database) { Multiplexing = true, MaxPoolSize = 50 }.ConnectionString);
        var wrong = await RunFlowsAsync(db);
        Assert.That(wrong, Is.Empty, string.Join("; ", wrong.Take(3)));
    }

    /// <summary>
    /// <see cref="Flows"/> flows at once, each reading rows by key and by value (two statement shapes, so prepared names would
    /// collide across clients), counting, and saving in a transaction; returns every result that was not the flow's own.
    /// </summary>
    private async Task<List<string>> RunFlowsAsync(RelGenDatabase db)
    {
        var wrong = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var start = new ManualResetEventSlim();
        var flows = Enumerable.Range(0, Flows).Select(flow => Task.Run(async () =>
        {
            start.Wait();
            for (var step = 0; step < 4; step++)
            {
                var index = (flow * 31 + step * 17) % Rows;
                try
                {
                    var byKey = await Counter.Objects(db).GetAsync(c => c.Id == _keys[index]);
                    if (byKey.Name != $"row-{index}")
                        wrong.Enqueue($"flow {flow}: key {_keys[index]} returned {byKey.Name}");
                    var byValue = await Counter.Objects(db).Filter(c => c.Value == index * 7).ToListAsync();
                    if (byValue.Count != 1 || byValue[0].Name != $"row-{index}")
                        wrong.Enqueue($"flow {flow}: value {index * 7} returned {string.Join(",", byValue)}");
                    var count = await Counter.Objects(db).Filter(c => c.Value < index * 7).CountAsync();
                    if (count != index)
                        wrong.Enqueue($"flow {flow}: {count} rows below {index * 7}, not {index}");
                    await db.RunInTransactionAsync(async ct =>
                    {
                        var mine = await Counter.Objects(db).GetAsync(c => c.Id == _keys[index], ct);
                        if (mine.Name != $"row-{index}")
                            wrong.Enqueue($"flow {flow}: in a transaction, key {_keys[index]} returned {mine.Name}");
                        await db.SaveAsync(mine, ct);
                    });
                }
                catch (Exception e)
                {
                    wrong.Enqueue($"flow {flow}: {e.GetType().Name}: {e.Message}");
                }
            }
        })).ToList();
        start.Set();
        await Task.WhenAll(flows);
        return [.. wrong];
    }
}
