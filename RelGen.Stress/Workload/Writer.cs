using RelGen.Stress.Models;

namespace RelGen.Stress.Workload;

/// <summary>
/// One concurrent writer: a seeded random mix of creates, moves, deletes on every path (planned by key and by query set,
/// collected by key and by query set, inside and outside transactions), blocker removals, reads and savepoints, some with a
/// random cancellation. Every outcome goes into the <see cref="Ledger"/>.
/// </summary>
internal sealed partial class Writer(int number, int seed, RelGenDatabase db, Ledger ledger, Pools pools, Action completed)
{
    private static readonly RetryPolicy Retry = new() { MaxAttempts = 6, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(200) };

    private readonly Random _random = new(seed * 1_000 + number);
    private readonly List<(int Id, int Crate)> _items = [];
    private readonly List<(int Id, int Depot)> _bins = [];

    private delegate Task Body(OperationRecord op, CancellationToken cancellationToken);

    public async Task RunAsync(int operations)
    {
        for (var i = 0; i < operations; i++)
        {
            var (kind, body, writes, transactional) = Choose();
            await RunAsync(ledger.Start(number, kind), body, writes, transactional).ConfigureAwait(false);
            completed();
        }
    }

    private (string Kind, Body Body, bool Writes, bool Transactional) Choose()
    {
        var roll = _random.Next(100);
        return roll switch
        {
            < 12 => ("create crate", CreateCrateAsync, true, true),
            < 22 => ("add part", AddPartAsync, true, false),
            < 32 => ("move item", MoveItemAsync, true, false),
            < 37 => ("delete crate by key", (op, ct) => DeleteCrateAsync(op, byQuery: false, ct), true, false),
            < 40 => ("delete crate by key in a transaction", (op, ct) => InTransactionAsync(op, c => DeleteCrateAsync(op, byQuery: false, c), ct), true, true),
            < 44 => ("delete crate by query", (op, ct) => DeleteCrateAsync(op, byQuery: true, ct), true, false),
            < 47 => ("delete item", DeleteItemAsync, true, false),
            < 49 => ("delete part", DeletePartAsync, true, false),
            < 58 => ("create depot", CreateDepotAsync, true, true),
            < 63 => ("add widget", AddWidgetAsync, true, false),
            < 68 => ("move bin", MoveBinAsync, true, false),
            < 72 => ("delete depot by key", (op, ct) => DeleteDepotAsync(op, byQuery: false, ct), true, false),
            < 74 => ("delete depot by query in a transaction", (op, ct) => InTransactionAsync(op, c => DeleteDepotAsync(op, byQuery: true, c), ct), true, true),
            < 76 => ("delete depot by query", (op, ct) => DeleteDepotAsync(op, byQuery: true, ct), true, false),
            < 80 => ("remove blocker", RemoveBlockerAsync, true, false),
            < 83 => ("savepoint", SavepointAsync, true, true),
            < 85 => ("race: crate", (op, ct) => RaceAsync(op, planned: true, move: true, ct), false, false),
            < 87 => ("race: crate", (op, ct) => RaceAsync(op, planned: true, move: false, ct), false, false),
            < 89 => ("race: depot", (op, ct) => RaceAsync(op, planned: false, move: true, ct), false, false),
            < 91 => ("race: depot", (op, ct) => RaceAsync(op, planned: false, move: false, ct), false, false),
            _ => ("read", ReadAsync, false, false),
        };
    }

    /// <summary>
    /// Runs one operation and files its outcome: normal return is acknowledged; a <see cref="TransactionOutcomeUnknownException"/>
    /// is uncertain, as is a cancellation of a write outside a transaction (it may have landed); any other RelGen error, or a
    /// cancellation inside a transaction (it never reached COMMIT), failed. Anything else is an untyped error.
    /// </summary>
    private async Task RunAsync(OperationRecord op, Body body, bool writes, bool transactional)
    {
        using var cancellation = _random.Next(100) < 5 ? new CancellationTokenSource(TimeSpan.FromMilliseconds(_random.Next(1, 30))) : null;
        try
        {
            await body(op, cancellation?.Token ?? default).ConfigureAwait(false);
            op.Outcome = Outcome.Acknowledged;
        }
        catch (OperationCanceledException) when (cancellation is { IsCancellationRequested: true })
        {
            op.Outcome = writes && !transactional ? Outcome.Uncertain : Outcome.Failed;
            op.Error = "cancelled";
            ledger.Error("OperationCanceledException (the writer's token)");
        }
        catch (TransactionOutcomeUnknownException e)
        {
            op.Outcome = Outcome.Uncertain;
            op.Error = e.GetType().Name;
            ledger.Error(e.GetType().Name);
        }
        catch (RelGenException e)
        {
            op.Outcome = Outcome.Failed;
            op.Error = e.GetType().Name;
            ledger.Error(e.GetType().Name);
            // A client backs off while the server is away.
            if (e is CannotConnectException or ConnectionLostException)
                await Task.Delay(_random.Next(10, 60)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            op.Outcome = Outcome.Uncertain;
            op.Error = e.GetType().Name;
            ledger.Error("untyped " + e.GetType().Name);
            ledger.Untyped.Enqueue($"{op.Kind}: {e}");
        }
        if (op.Outcome == Outcome.Acknowledged)
        {
            foreach (var row in op.Created)
                ledger.Created.Enqueue(row);
        }
        if (op.Outcome != Outcome.Failed)
        {
            foreach (var (table, id, target) in op.Moves)
                ledger.Moves.Enqueue((table, id, op.Id, target, op.Outcome));
        }
        if (op.Outcome == Outcome.Acknowledged && op.Root is { } root && op.Result is { Total: > 0 })
            pools.Forget(root.Table, root.Id);
    }

    private Task InTransactionAsync(OperationRecord op, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var attempts = 0;
        return db.RunInTransactionAsync(async ct =>
        {
            if (attempts++ > 0)
                ledger.Retried();
            op.ResetAttempt();
            await work(ct).ConfigureAwait(false);
        }, Retry, cancellationToken);
    }

    private string Name(OperationRecord op, string what) => op.NamePrefix + what;
}
