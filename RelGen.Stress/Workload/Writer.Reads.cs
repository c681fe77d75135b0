using RelGen.Stress.Models;

namespace RelGen.Stress.Workload;

/// <summary>Reads of every kind the runtime has, so faults hit them too: joins, reverse lookups, prefetches, streams, lazy loads.</summary>
internal sealed partial class Writer
{
    private async Task ReadAsync(OperationRecord op, CancellationToken cancellationToken)
    {
        switch (_random.Next(5))
        {
            case 0:
                await Crate.Objects(db).Filter(c => c.Item.Name.StartsWith("o")).Distinct().CountAsync(cancellationToken).ConfigureAwait(false);
                break;
            case 1:
                await Item.Objects(db).SelectRelated(i => i.Crate).Take(20).ToListAsync(cancellationToken).ConfigureAwait(false);
                break;
            case 2:
                await Depot.Objects(db).PrefetchRelated(d => d.Bin).Take(10).ToListAsync(cancellationToken).ConfigureAwait(false);
                break;
            case 3:
                await foreach (var part in Part.Objects(db).Take(50).WithCancellation(cancellationToken).ConfigureAwait(false))
                    _ = part.Name;
                break;
            default:
                // The one synchronous path: a relation loaded inside the property getter.
                if (await Widget.Objects(db).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) is { } widget)
                    _ = widget.Bin.Name;
                break;
        }
    }
}
