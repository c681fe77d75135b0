using RelGen.Stress.Models;

namespace RelGen.Stress.Workload;

/// <summary>The collected tree: depot → bin → widget, with permits (Protect), seals (Restrict) and tallies (DoNothing).</summary>
internal sealed partial class Writer
{
    private async Task CreateDepotAsync(OperationRecord op, CancellationToken cancellationToken)
    {
        var attempts = 0;
        var (depot, bins, widgets, blockers) = await db.RunInTransactionAsync(async ct =>
        {
            if (attempts++ > 0)
                ledger.Retried();
            var depot = new Depot { Name = Name(op, "depot") };
            await db.SaveAsync(depot, ct).ConfigureAwait(false);
            var bins = new List<Bin>();
            var widgets = new List<Widget>();
            for (var i = _random.Next(1, 4); i > 0; i--)
            {
                var bin = new Bin { Name = Name(op, $"bin{i}"), Owner = number, Depot = depot };
                await db.SaveAsync(bin, ct).ConfigureAwait(false);
                bins.Add(bin);
                var mine = Enumerable.Range(0, _random.Next(0, 4)).Select(j => new Widget { Name = Name(op, $"widget{i}.{j}"), Bin = bin }).ToList();
                await db.BulkCreateAsync(mine, ct).ConfigureAwait(false);
                widgets.AddRange(mine);
            }
            // Sometimes a blocker: the depot's deletes are then refused until a writer removes it.
            var blockers = new List<(string Table, int Id, string Name)>();
            var roll = _random.Next(100);
            if (roll < 15)
            {
                var permit = new Permit { Name = Name(op, "permit"), Depot = depot };
                await db.SaveAsync(permit, ct).ConfigureAwait(false);
                blockers.Add((Tables.Permit, permit.Id, permit.Name));
            }
            else if (roll < 25)
            {
                var seal = new Seal { Name = Name(op, "seal"), Bin = bins[0] };
                await db.SaveAsync(seal, ct).ConfigureAwait(false);
                blockers.Add((Tables.Seal, seal.Id, seal.Name));
            }
            else if (roll < 32 && widgets.Count > 0)
            {
                var tally = new Tally { Name = Name(op, "tally"), Widget = widgets[0] };
                await db.SaveAsync(tally, ct).ConfigureAwait(false);
                blockers.Add((Tables.Tally, tally.Id, tally.Name));
            }
            return (depot, bins, widgets, blockers);
        }, Retry, cancellationToken).ConfigureAwait(false);

        ledger.Created.Enqueue((Tables.Depot, depot.Id, null));
        pools.Depots.Add(depot.Id, depot.Name);
        foreach (var bin in bins)
        {
            ledger.Created.Enqueue((Tables.Bin, bin.Id, depot.Id));
            pools.Bins.Add(bin.Id, bin.Name);
            _bins.Add((bin.Id, depot.Id));
        }
        foreach (var widget in widgets)
        {
            ledger.Created.Enqueue((Tables.Widget, widget.Id, widget.BinId));
            pools.Widgets.Add(widget.Id, widget.Name);
        }
        foreach (var (table, id, name) in blockers)
        {
            ledger.Created.Enqueue((table, id, null));
            pools.Blockers.Add(id, table + ":" + name);
        }
    }

    private async Task AddWidgetAsync(OperationRecord op, CancellationToken cancellationToken)
    {
        if (!pools.Bins.TryPick(_random, out var bin))
            return;
        var widget = new Widget { Name = Name(op, "widget"), BinId = bin.Id };
        await db.SaveAsync(widget, cancellationToken).ConfigureAwait(false);
        ledger.Created.Enqueue((Tables.Widget, widget.Id, bin.Id));
        pools.Widgets.Add(widget.Id, widget.Name);
    }

    private async Task MoveBinAsync(OperationRecord op, CancellationToken cancellationToken)
    {
        if (_bins.Count == 0 || !pools.Depots.TryPick(_random, out var target))
            return;
        var index = _random.Next(_bins.Count);
        var (binId, _) = _bins[index];
        try
        {
            var bin = await Bin.Objects(db).GetAsync(b => b.Id == binId, cancellationToken).ConfigureAwait(false);
            var depot = await Depot.Objects(db).GetAsync(d => d.Id == target.Id, cancellationToken).ConfigureAwait(false);
            op.Moves.Add((Tables.Bin, binId, target.Id));
            await depot.BinSet.AddAsync([bin], cancellationToken).ConfigureAwait(false);
            _bins[index] = (binId, target.Id);
        }
        catch (DoesNotExistException)
        {
            if (!await Bin.Objects(db).Filter(b => b.Id == binId).ExistsAsync(cancellationToken).ConfigureAwait(false))
                _bins.RemoveAt(index);
        }
    }

    private async Task DeleteDepotAsync(OperationRecord op, bool byQuery, CancellationToken cancellationToken)
    {
        if (!pools.Depots.TryPick(_random, out var depot))
            return;
        op.Root = (Tables.Depot, depot.Id);
        op.Result = byQuery
            ? await Depot.Objects(db).Filter(d => d.Name == depot.Name).DeleteAsync(cancellationToken).ConfigureAwait(false)
            : await db.DeleteAsync(new Depot { Id = depot.Id, Name = depot.Name }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a permit, seal or tally, so its depot, bin or widget can go.</summary>
    private async Task RemoveBlockerAsync(OperationRecord op, CancellationToken cancellationToken)
    {
        if (!pools.Blockers.TryPick(_random, out var blocker))
            return;
        var table = blocker.Name[..blocker.Name.IndexOf(':')];
        op.Root = (table, blocker.Id);
        op.Result = table switch
        {
            Tables.Permit => await db.DeleteAsync(new Permit { Id = blocker.Id }, cancellationToken).ConfigureAwait(false),
            Tables.Seal => await db.DeleteAsync(new Seal { Id = blocker.Id }, cancellationToken).ConfigureAwait(false),
            _ => await db.DeleteAsync(new Tally { Id = blocker.Id }, cancellationToken).ConfigureAwait(false),
        };
        pools.Blockers.Remove(blocker.Id);
    }
}
