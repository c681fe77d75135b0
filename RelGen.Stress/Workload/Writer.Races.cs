using RelGen.Stress.Models;

namespace RelGen.Stress.Workload;

/// <summary>
/// Races made on purpose, under load: a transaction that moves a child to another parent (or inserts a grandchild) and holds
/// its locks for a moment, while the same writer deletes the child's parent. Whichever wins, the child must end up deleted
/// with everything beneath it or kept with everything beneath it, and the delete must count what it removed.
/// </summary>
internal sealed partial class Writer
{
    private async Task RaceAsync(OperationRecord op, bool planned, bool move, CancellationToken cancellationToken)
    {
        _ = op;   // the race files two operations of its own, below
        var parents = planned ? pools.Crates : pools.Depots;
        var children = planned ? _items : _bins;
        if (children.Count == 0 || !parents.TryPick(_random, out var target))
            return;
        var slot = _random.Next(children.Count);
        var (childId, parentId) = children[slot];
        var parentName = await ParentNameAsync(planned, parentId, cancellationToken).ConfigureAwait(false);
        if (parentName is null)
            return;

        var holder = ledger.Start(number, move ? "race: move and hold" : "race: insert and hold");
        var delete = ledger.Start(number, planned ? "race: delete crate" : "race: delete depot");
        var hold = _random.Next(2, 15);
        var holding = RunAsync(holder, async (o, ct) =>
        {
            await InTransactionAsync(o, async c =>
            {
                if (move)
                    await MoveInTransactionAsync(o, planned, childId, target.Id, c).ConfigureAwait(false);
                else
                    await InsertInTransactionAsync(o, planned, childId, c).ConfigureAwait(false);
                await Task.Delay(hold, c).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
        }, writes: true, transactional: true);
        await Task.Delay(_random.Next(0, hold), cancellationToken).ConfigureAwait(false);
        var deleting = RunAsync(delete, async (o, ct) =>
        {
            o.Root = (planned ? Tables.Crate : Tables.Depot, parentId);
            o.Result = _random.Next(2) == 0
                ? planned
                    ? await db.DeleteAsync(new Crate { Id = parentId }, ct).ConfigureAwait(false)
                    : await db.DeleteAsync(new Depot { Id = parentId }, ct).ConfigureAwait(false)
                : planned
                    ? await Crate.Objects(db).Filter(c => c.Name == parentName).DeleteAsync(ct).ConfigureAwait(false)
                    : await Depot.Objects(db).Filter(d => d.Name == parentName).DeleteAsync(ct).ConfigureAwait(false);
        }, writes: true, transactional: false);
        await Task.WhenAll(holding, deleting).ConfigureAwait(false);
        if (move && holder.Outcome != Outcome.Failed)
            children[slot] = (childId, target.Id);
    }

    private async Task<string?> ParentNameAsync(bool planned, int parentId, CancellationToken cancellationToken)
        => planned
            ? (await Crate.Objects(db).Filter(c => c.Id == parentId).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false))?.Name
            : (await Depot.Objects(db).Filter(d => d.Id == parentId).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false))?.Name;

    private async Task MoveInTransactionAsync(OperationRecord op, bool planned, int childId, int targetId, CancellationToken cancellationToken)
    {
        try
        {
            if (planned)
            {
                var item = await Item.Objects(db).GetAsync(i => i.Id == childId, cancellationToken).ConfigureAwait(false);
                var crate = await Crate.Objects(db).GetAsync(c => c.Id == targetId, cancellationToken).ConfigureAwait(false);
                op.Moves.Add((Tables.Item, childId, targetId));
                await crate.ItemSet.AddAsync([item], cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var bin = await Bin.Objects(db).GetAsync(b => b.Id == childId, cancellationToken).ConfigureAwait(false);
                var depot = await Depot.Objects(db).GetAsync(d => d.Id == targetId, cancellationToken).ConfigureAwait(false);
                op.Moves.Add((Tables.Bin, childId, targetId));
                await depot.BinSet.AddAsync([bin], cancellationToken).ConfigureAwait(false);
            }
        }
        catch (DoesNotExistException)
        {
            // Gone already: nothing moved.
        }
    }

    private async Task InsertInTransactionAsync(OperationRecord op, bool planned, int childId, CancellationToken cancellationToken)
    {
        if (planned)
        {
            var part = new Part { Name = Name(op, "racing-part"), ItemId = childId };
            await db.SaveAsync(part, cancellationToken).ConfigureAwait(false);
            op.Created.Add((Tables.Part, part.Id, childId));
        }
        else
        {
            var widget = new Widget { Name = Name(op, "racing-widget"), BinId = childId };
            await db.SaveAsync(widget, cancellationToken).ConfigureAwait(false);
            op.Created.Add((Tables.Widget, widget.Id, childId));
        }
    }
}
