using RelGen.Stress.Models;

namespace RelGen.Stress.Workload;

/// <summary>The planned tree: crate → item → part, with notes (set to NULL) and stickers (set to the home crate).</summary>
internal sealed partial class Writer
{
    private async Task CreateCrateAsync(OperationRecord op, CancellationToken cancellationToken)
    {
        var attempts = 0;
        var (crate, items, parts, notes, stickers) = await db.RunInTransactionAsync(async ct =>
        {
            if (attempts++ > 0)
                ledger.Retried();
            var crate = new Crate { Name = Name(op, "crate") };
            await db.SaveAsync(crate, ct).ConfigureAwait(false);
            var items = new List<Item>();
            var parts = new List<Part>();
            for (var i = _random.Next(1, 4); i > 0; i--)
            {
                var item = new Item { Name = Name(op, $"item{i}"), Owner = number, Crate = crate };
                await db.SaveAsync(item, ct).ConfigureAwait(false);
                items.Add(item);
                var mine = Enumerable.Range(0, _random.Next(0, 4)).Select(j => new Part { Name = Name(op, $"part{i}.{j}"), Item = item }).ToList();
                await db.BulkCreateAsync(mine, ct).ConfigureAwait(false);
                parts.AddRange(mine);
            }
            var notes = new List<Note>();
            if (_random.Next(3) == 0)
            {
                notes.Add(new Note { Name = Name(op, "note"), Item = items[0] });
                await db.SaveAsync(notes[0], ct).ConfigureAwait(false);
            }
            var stickers = new List<Sticker>();
            if (_random.Next(3) == 0)
            {
                stickers.Add(new Sticker { Name = Name(op, "sticker"), Crate = crate });
                await db.SaveAsync(stickers[0], ct).ConfigureAwait(false);
            }
            return (crate, items, parts, notes, stickers);
        }, Retry, cancellationToken).ConfigureAwait(false);

        ledger.Created.Enqueue((Tables.Crate, crate.Id, null));
        pools.Crates.Add(crate.Id, crate.Name);
        foreach (var item in items)
        {
            ledger.Created.Enqueue((Tables.Item, item.Id, crate.Id));
            pools.Items.Add(item.Id, item.Name);
            _items.Add((item.Id, crate.Id));
        }
        foreach (var part in parts)
        {
            ledger.Created.Enqueue((Tables.Part, part.Id, part.ItemId));
            pools.Parts.Add(part.Id, part.Name);
        }
        foreach (var note in notes)
            ledger.Created.Enqueue((Tables.Note, note.Id, null));
        foreach (var sticker in stickers)
            ledger.Created.Enqueue((Tables.Sticker, sticker.Id, null));
    }

    private async Task AddPartAsync(OperationRecord op, CancellationToken cancellationToken)
    {
        if (!pools.Items.TryPick(_random, out var item))
            return;
        var part = new Part { Name = Name(op, "part"), ItemId = item.Id };
        await db.SaveAsync(part, cancellationToken).ConfigureAwait(false);
        ledger.Created.Enqueue((Tables.Part, part.Id, item.Id));
        pools.Parts.Add(part.Id, part.Name);
    }

    /// <summary>Moves one of this writer's items to another crate, through the crate's manager (one UPDATE, no re-insert).</summary>
    private async Task MoveItemAsync(OperationRecord op, CancellationToken cancellationToken)
    {
        if (_items.Count == 0 || !pools.Crates.TryPick(_random, out var target))
            return;
        var index = _random.Next(_items.Count);
        var (itemId, _) = _items[index];
        try
        {
            var item = await Item.Objects(db).GetAsync(i => i.Id == itemId, cancellationToken).ConfigureAwait(false);
            var crate = await Crate.Objects(db).GetAsync(c => c.Id == target.Id, cancellationToken).ConfigureAwait(false);
            op.Moves.Add((Tables.Item, itemId, target.Id));
            await crate.ItemSet.AddAsync([item], cancellationToken).ConfigureAwait(false);
            _items[index] = (itemId, target.Id);
        }
        catch (DoesNotExistException)
        {
            // The item or the crate was deleted meanwhile: nothing was written.
            if (!await Item.Objects(db).Filter(i => i.Id == itemId).ExistsAsync(cancellationToken).ConfigureAwait(false))
                _items.RemoveAt(index);
        }
    }

    private async Task DeleteCrateAsync(OperationRecord op, bool byQuery, CancellationToken cancellationToken)
    {
        if (!pools.Crates.TryPick(_random, out var crate))
            return;
        op.Root = (Tables.Crate, crate.Id);
        op.Result = byQuery
            ? await Crate.Objects(db).Filter(c => c.Name == crate.Name).DeleteAsync(cancellationToken).ConfigureAwait(false)
            : await db.DeleteAsync(new Crate { Id = crate.Id, Name = crate.Name }, cancellationToken).ConfigureAwait(false);
    }

    private async Task DeleteItemAsync(OperationRecord op, CancellationToken cancellationToken)
    {
        if (!pools.Items.TryPick(_random, out var item))
            return;
        op.Root = (Tables.Item, item.Id);
        op.Result = await db.DeleteAsync(new Item { Id = item.Id, Name = item.Name }, cancellationToken).ConfigureAwait(false);
    }

    private async Task DeletePartAsync(OperationRecord op, CancellationToken cancellationToken)
    {
        if (!pools.Parts.TryPick(_random, out var part))
            return;
        op.Root = (Tables.Part, part.Id);
        op.Result = await db.DeleteAsync(new Part { Id = part.Id, Name = part.Name }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A crate kept and, inside a savepoint rolled back, a crate that must never be seen.</summary>
    private async Task SavepointAsync(OperationRecord op, CancellationToken cancellationToken)
    {
        var attempts = 0;
        var kept = await db.RunInTransactionAsync(async ct =>
        {
            if (attempts++ > 0)
                ledger.Retried();
            var crate = new Crate { Name = Name(op, "kept") };
            await db.SaveAsync(crate, ct).ConfigureAwait(false);
            await using (var nested = await db.BeginTransactionAsync(ct).ConfigureAwait(false))
            {
                var dropped = new Crate { Name = Name(op, "rolledback") };
                await db.SaveAsync(dropped, ct).ConfigureAwait(false);
                await db.SaveAsync(new Item { Name = Name(op, "rolledback-item"), Owner = number, Crate = dropped }, ct).ConfigureAwait(false);
                await nested.RollbackAsync(ct).ConfigureAwait(false);
            }
            return crate;
        }, Retry, cancellationToken).ConfigureAwait(false);
        ledger.Created.Enqueue((Tables.Crate, kept.Id, null));
        pools.Crates.Add(kept.Id, kept.Name);
    }
}
