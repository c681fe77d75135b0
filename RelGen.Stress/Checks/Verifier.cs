using RelGen.Stress.Workload;

namespace RelGen.Stress.Checks;

/// <summary>
/// Compares the ledger (what writers were told) with the final tables and the log of deleted rows (what happened):
/// <list type="bullet">
/// <item><b>lost</b>: a row an acknowledged operation created that is neither in its table nor logged as deleted; or an owned
/// row whose parent is not the one its acknowledged (or uncertain) moves allow.</item>
/// <item><b>ghost</b>: a row whose operation failed (so nothing of it was committed), or that was created inside a savepoint
/// that was rolled back, found in a table or in the log.</item>
/// <item><b>partial</b>: a row deleted while its parent was not deleted by the same transaction, and the row was not itself
/// what an operation deleted: a cascade that took children from a parent it did not take.</item>
/// <item><b>miscounted</b>: an acknowledged delete whose <see cref="DeleteResult"/> is not, model by model, the rows the log
/// records for its transaction (found through its root's deletion), including rows foreign keys' own cascades removed.</item>
/// </list>
/// </summary>
internal static class Verifier
{
    public static Findings Check(Ledger ledger, Dictionary<(string Table, int Id), (string Name, int? Parent)> final,
        List<(string Table, int Id, int? Parent, long Xid)> log)
    {
        var findings = new Findings();
        var deleted = new Dictionary<(string, int), (int? Parent, long Xid)>();
        foreach (var (table, id, parent, xid) in log)
            deleted[(table, id)] = (parent, xid);

        // Lost creations.
        var initialParent = new Dictionary<(string, int), int?>();
        foreach (var (table, id, parent) in ledger.Created)
        {
            initialParent[(table, id)] = parent;
            if (!final.ContainsKey((table, id)) && !deleted.ContainsKey((table, id)))
                findings.Lost.Add($"{table} {id}: created (acknowledged), neither present nor deleted");
        }

        // Moves: an owned row still present sits where its owner's acknowledged moves put it (or an uncertain one may have).
        foreach (var moves in ledger.Moves.GroupBy(m => (m.Table, m.Id)))
        {
            if (!final.TryGetValue(moves.Key, out var row) || !initialParent.TryGetValue(moves.Key, out var start))
                continue;
            var allowed = new HashSet<int?> { start };
            foreach (var move in moves.OrderBy(m => m.Operation))
            {
                if (move.Outcome == Outcome.Acknowledged)
                    allowed = [move.Target];
                else
                    allowed.Add(move.Target);
            }
            if (!allowed.Contains(row.Parent))
                findings.Lost.Add($"{moves.Key.Table} {moves.Key.Id}: in parent {row.Parent}, its moves allow only {string.Join(", ", allowed)}");
        }

        // Ghosts: rows of failed operations, and rows of rolled-back savepoints, anywhere.
        var names = final.Select(r => (r.Key, r.Value.Name)).ToList();
        foreach (var ((table, id), name) in names)
        {
            if (name.Contains("rolledback", StringComparison.Ordinal))
                findings.Ghosts.Add($"{table} {id} '{name}': created in a rolled-back savepoint");
            else if (ledger.OperationOf(name) is { Outcome: Outcome.Failed } failed)
                findings.Ghosts.Add($"{table} {id} '{name}': its operation ({failed.Kind}) failed with {failed.Error}");
        }

        // Partial cascades.
        var roots = ledger.Operations.Values.Where(o => o.Root is not null && o.Outcome != Outcome.Failed).Select(o => o.Root!.Value).ToHashSet();
        foreach (var (table, id, parent, xid) in log)
        {
            if (!Tables.CascadeParent.TryGetValue(table, out var parentTable) || parent is null)
                continue;
            var parentGone = deleted.TryGetValue((parentTable, parent.Value), out var parentDeletion) && parentDeletion.Xid == xid;
            if (!parentGone && !roots.Contains((table, id)))
                findings.Partial.Add($"{table} {id} was deleted (transaction {xid}) without its parent {parentTable} {parent}");
        }

        // Counts of acknowledged deletes.
        var byXid = log.GroupBy(r => r.Xid).ToDictionary(g => g.Key, g => g.GroupBy(r => r.Table).ToDictionary(t => Tables.All[t.Key].Model, t => t.Count()));
        foreach (var op in ledger.Operations.Values)
        {
            if (op.Outcome != Outcome.Acknowledged || op.Root is not { } root || op.Result is not { Total: > 0 } result)
                continue;
            findings.DeletesChecked++;
            findings.RowsDeleted += result.Total;
            if (!deleted.TryGetValue(root, out var rootDeletion))
            {
                findings.Miscounted.Add($"{op.Kind} of {root.Table} {root.Id} reported {result} but its root was not deleted");
                continue;
            }
            var logged = byXid[rootDeletion.Xid];
            var same = logged.Count == result.PerModel.Count && logged.All(p => result.PerModel.TryGetValue(p.Key, out var n) && n == p.Value);
            if (!same)
            {
                findings.Miscounted.Add($"{op.Kind} of {root.Table} {root.Id} reported {result}; its transaction deleted "
                    + string.Join(", ", logged.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}")));
            }
        }
        return findings;
    }
}
