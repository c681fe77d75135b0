using BenchmarkDotNet.Attributes;
using Dapper;
using RelGen.Benchmarks.Data;
using RelGen.Benchmarks.Infrastructure;
using RelGen.Benchmarks.Models;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>
/// Cascading deletes in the scratch schema, fresh victims for every invocation: each iteration first removes what an earlier
/// one left, vacuums (so every variant starts from the same tables), inserts one set of victims per invocation with set-based
/// SQL (a set is <see cref="Parents"/> reporters named <c>Victim{n}</c> with <see cref="ChildrenPerParent"/> articles each),
/// then vacuums and analyses again (the victims are settled rows, as rows that get deleted usually are: all-visible pages,
/// fresh statistics) and checkpoints, so that the statistics and the background writer are the same for every variant.
/// </summary>
public abstract class DeleteScenario : SizedScenario
{
    private readonly Queue<VictimSet> _victims = new();

    protected sealed record VictimSet(string Name, List<Reporter> Reporters);

    /// <summary>Victim sets made per iteration: the class's invocation count.</summary>
    protected abstract int SetsPerIteration { get; }

    protected abstract int Parents { get; }

    protected abstract int ChildrenPerParent { get; }

    protected override string Schema => ScratchData.Schema;

    protected override void PrepareData()
    {
        ScratchData.Ensure(BenchDatabase.ConnectionString);
        RemoveLeftoverVictims();
        using var connection = DataSource.OpenConnection();
        ScratchData.EnsureBackgroundOnly(connection, GetType().Name);
    }

    [IterationSetup]
    public void CreateVictims()
    {
        RemoveLeftoverVictims();
        VacuumTables("article, reporter");
        _victims.Clear();
        for (var s = 0; s < SetsPerIteration; s++)
            _victims.Enqueue(InsertVictims("Victim" + s));
        VacuumTables("article, reporter", analyze: true);
        // Write the new rows out now, so the background writers stay quiet while the deletes are timed.
        Execute("CHECKPOINT");
    }

    private VictimSet InsertVictims(string name)
    {
        Execute(
            "WITH v AS (INSERT INTO reporter (first_name, last_name, email) SELECT @name, 'Writer' || g, 'v@example.com' FROM generate_series(1, @parents) g RETURNING id) "
            + "INSERT INTO article (headline, pub_date, reporter_id) SELECT 'Victim ' || i, DATE '2024-01-01', v.id FROM v CROSS JOIN generate_series(1, @children) i",
            new { name, parents = Parents, children = ChildrenPerParent });
        // Loaded through RelGen's public API, outside the timing: the by-key variants need the saved objects.
        var reporters = Reporter.Objects(Db).Filter(r => r.FirstName == name).ToListAsync().GetAwaiter().GetResult();
        return new VictimSet(name, reporters);
    }

    protected VictimSet NextVictims() => _victims.Dequeue();

    /// <summary>
    /// BenchmarkDotNet's jitting and diagnoser runs call an iteration's set-up but fewer invocations: drop the victims they
    /// left (the foreign key's cascade takes their articles), so later scenarios see only the background rows.
    /// </summary>
    [IterationCleanup]
    public void RemoveLeftoverVictims() => Execute("DELETE FROM reporter WHERE first_name LIKE 'Victim%'");

    protected override void CleanupScenario() => RemoveLeftoverVictims();

    /// <summary>Runs each variant on one fresh set of victims and checks that exactly the victims are gone.</summary>
    protected async Task CheckDeletesAsync(params (string Name, Func<Task<int>> Delete, int Expected)[] variants)
    {
        var scenario = $"{GetType().Name}({Rows})";
        foreach (var (name, delete, expected) in variants)
        {
            RemoveLeftoverVictims();
            _victims.Clear();
            _victims.Enqueue(InsertVictims("Victim0"));
            Same.Value(scenario, name + "'s count", expected, await delete());
            await using var connection = await DataSource.OpenConnectionAsync();
            ScratchData.EnsureBackgroundOnly(connection, $"{scenario}: after {name}");
        }
    }
}
