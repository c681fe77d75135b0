using System.Collections.Concurrent;
using RelGen.Metadata;

namespace RelGen.Delete;

/// <summary>
/// The delete of one model's cascade in one batch (one round trip, one implicit transaction when none is open), without
/// reading keys back: by default the database's own cascade, counted (<see cref="CountedByKeyStatements"/>); the locking
/// plan below where the deletion counters do not move. Only possible when the cascade is a tree (no model reached twice, no cycle) and no Protect/Restrict
/// rule needs checking; otherwise <see cref="For"/> returns null and the collector runs instead. Each step finds its rows
/// through its parent's key condition on the base tables, so every step can use the foreign-key index.
/// <para>
/// The locking plan is all or nothing for every row a concurrent transaction touches: the batch first locks the root rows, then, top down, the
/// rows of every level that has rows beneath it (<c>FOR UPDATE</c>). A locked row can be neither moved to another parent nor
/// given a new child until this transaction ends, so the statements after the locks, each with a fresh snapshot, all see
/// the same rows: a child moved away before its lock was taken keeps everything beneath it, a child inserted before it
/// commits first and is deleted (and counted), and one inserted after waits and then fails on its foreign key. The levels
/// without rows beneath them (the leaves) need no lock. Then every step runs, leaves first, each counted from its command tag.
/// </para>
/// <list type="bullet">
/// <item>By key (<see cref="ByKeyStatements"/>): the root is the row whose key is <c>$1</c>.</item>
/// <item>By condition (<see cref="ByConditionStatements"/>): the first statement locks the rows the condition chooses and keeps
/// their keys in the transaction-local setting <c>relgen.delete_keys</c>; every later statement works on exactly those keys,
/// so rows that come to match the condition meanwhile are not touched.</item>
/// </list>
/// </summary>
internal sealed class CascadePlan
{
    /// <summary>The transaction-local setting holding the root keys of a by-condition delete, between its statements.</summary>
    private const string RootKeysSetting = "relgen.delete_keys";

    private static readonly ConcurrentDictionary<ModelDescriptor, CascadePlan?> Plans = new();

    private readonly List<Step> _steps;
    private readonly bool[] _hasChildren;
    private PlanStatement[]? _byKey;
    private PlanStatement[]? _byPinnedKeys;
    private PlanStatement[]? _countedByKey;
    private string? _counters;
    private string? _beforeColumns;

    private CascadePlan(List<ModelDescriptor> deleted, List<Step> steps)
    {
        Deleted = deleted;
        _steps = steps;
        _hasChildren = new bool[deleted.Count];
        foreach (var step in steps)
            _hasChildren[step.Parent] = true;
    }

    /// <summary>The models whose rows the plan deletes, root first, in breadth-first order: a <see cref="PlanStatement.Counts"/> indexes it.</summary>
    public List<ModelDescriptor> Deleted { get; }

    public static CascadePlan? For(ModelDescriptor root) => Plans.GetOrAdd(root, Build);

    /// <summary>The batch deleting the root row whose key is <c>$1</c>, built once; every statement takes that one parameter.</summary>
    public PlanStatement[] ByKeyStatements => _byKey ??= Statements($"= $1", lockRoot: true, binds: true);

    /// <summary>The batch deleting the root rows <paramref name="rootCondition"/> (over the root table, aliased <c>t0</c>) chooses.</summary>
    public PlanStatement[] ByConditionStatements(string rootCondition)
    {
        var root = Deleted[0];
        if (_steps.Count == 0)
            return [new PlanStatement($"DELETE FROM {root.QuotedTable} t0 WHERE {rootCondition}", 0, Binds: true)];
        var key = root.Key.QuotedName;
        var pin = new PlanStatement(
            $"SELECT set_config('{RootKeysSetting}', COALESCE(array_agg(l.k)::text, '{{}}'), true) "
            + $"FROM (SELECT t0.{key} AS k FROM {root.QuotedTable} t0 WHERE {rootCondition} ORDER BY t0.{key} FOR UPDATE) AS l",
            PlanStatement.None, Binds: true);
        _byPinnedKeys ??= Statements($"= ANY(current_setting('{RootKeysSetting}')::{root.Key.SqlType}[])", lockRoot: false, binds: false);
        return [pin, .. _byPinnedKeys];
    }

    /// <summary>
    /// The database's own cascade, counted: the deleted tables' counters of this transaction
    /// (<c>pg_stat_get_xact_tuples_deleted</c>), the one <c>DELETE</c> of the root rows whose foreign keys' <c>ON DELETE</c>
    /// rules do the rest, the counters again. The differences are the rows the cascade removed, every one of them: a child
    /// inserted concurrently either commits before the cascade reaches it and is deleted and counted, or waits and then
    /// fails on its foreign key; a child moved away concurrently is re-checked by the cascade's own statement and keeps
    /// everything beneath it. One statement, so no locks are needed to make several agree. It needs the database's foreign
    /// keys to carry the models' rules (<c>CreateTablesAsync</c> and migrations make them so), <c>track_counts</c> on
    /// (the default) and counters that see the deletes (not Citus, whose shards delete); <see cref="Deleter"/> falls back to
    /// <see cref="ByKeyStatements"/> otherwise. Rows a user's own
    /// trigger deletes in these tables within the statement are counted too.
    /// </summary>
    public PlanStatement[]? CountedByKeyStatements
        => _steps.Count == 0 ? null : _countedByKey ??= Counted($"{Deleted[0].Key.QuotedName} = $1");

    /// <summary>As <see cref="CountedByKeyStatements"/>, for the root rows <paramref name="rootCondition"/> chooses.</summary>
    public PlanStatement[]? CountedByConditionStatements(string rootCondition)
        => _steps.Count == 0 ? null : Counted(rootCondition);

    /// <summary>True when a counted batch's statements read the counters of <see cref="Deleted"/>[1..] (before and after).</summary>
    public static bool ReadsCounters(PlanStatement[] statements) => statements.Length == 2 && statements[0].Counts == PlanStatement.Counters;

    private PlanStatement[] Counted(string rootCondition)
    {
        if (_counters is null)
        {
            var counters = Deleted.Skip(1).Select(m => $"pg_catalog.pg_stat_get_xact_tuples_deleted('{m.QuotedTable.Replace("'", "''", StringComparison.Ordinal)}'::regclass)").ToList();
            _beforeColumns = string.Join(", ", counters.Select((c, i) => $"{c} AS n{i + 1}"));
            _counters = string.Join(", ", counters);
        }
        // One statement reads the flag and the counters, then deletes the root rows: the DELETE's condition reads the flag, so
        // the counters are read before any row goes, and the cascade's own deletes run only after the whole statement (the
        // foreign keys' actions are after-triggers), so every one of them is in the second statement's counters. With
        // track_counts off the counters stay at zero, and on Citus the coordinator's counters do not see the shards' deletes:
        // then the DELETE deletes nothing, the flag says why, and the Deleter runs the locking plan instead (no error, so a
        // caller's transaction stays usable).
        return
        [
            new PlanStatement(
                $"WITH c AS MATERIALIZED (SELECT {TrackCounts} AS tracked, {_beforeColumns}), "
                + $"d AS (DELETE FROM {Deleted[0].QuotedTable} t0 WHERE ({rootCondition}) AND (SELECT c.tracked FROM c) RETURNING 1) "
                + "SELECT c.*, (SELECT pg_catalog.count(*) FROM d) FROM c",
                PlanStatement.Counters, Binds: true),
            new PlanStatement($"SELECT {_counters}", PlanStatement.Counters, Binds: false),
        ];
    }

    private const string TrackCounts =
        "(pg_catalog.current_setting('track_counts')::bool AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus'))";

    /// <summary>
    /// The locks and steps for root rows whose key matches <paramref name="rootMatch"/> (<c>= $1</c>, or the pinned keys):
    /// the root lock, the locks of the levels with rows beneath them top down, the steps leaves first, the root.
    /// </summary>
    private PlanStatement[] Statements(string rootMatch, bool lockRoot, bool binds)
    {
        var root = Deleted[0];
        var conditions = new string[Deleted.Count];
        conditions[0] = $"{root.Key.QuotedName} {rootMatch}";
        if (_steps.Count == 0)
            return [new PlanStatement($"DELETE FROM {root.QuotedTable} WHERE {conditions[0]}", 0, binds)];
        var statements = new List<PlanStatement>();
        if (lockRoot)
            statements.Add(new PlanStatement($"SELECT 1 FROM {root.QuotedTable} WHERE {conditions[0]} FOR UPDATE", PlanStatement.None, binds));
        var stepSql = new string[_steps.Count];
        for (var i = 0; i < _steps.Count; i++)
        {
            var step = _steps[i];
            var condition = step.Parent == 0
                ? $"{step.Relation.Column.QuotedName} {rootMatch}"
                : $"{step.Relation.Column.QuotedName} IN (SELECT {Deleted[step.Parent].Key.QuotedName} FROM {Deleted[step.Parent].QuotedTable} WHERE {conditions[step.Parent]})";
            var child = step.Relation.Source;
            if (step.Deleted >= 0)
            {
                conditions[step.Deleted] = condition;
                stepSql[i] = $"DELETE FROM {child.QuotedTable} WHERE {condition}";
                // Steps are breadth-first, so parents are locked before their children.
                if (_hasChildren[step.Deleted])
                    statements.Add(new PlanStatement($"SELECT 1 FROM {child.QuotedTable} WHERE {condition} FOR UPDATE", PlanStatement.None, binds));
            }
            else
            {
                var value = step.Relation.OnDelete == OnDelete.SetNull ? "NULL" : "DEFAULT";
                stepSql[i] = $"UPDATE {child.QuotedTable} SET {step.Relation.Column.QuotedName} = {value} WHERE {condition}";
            }
        }
        // Reversed, breadth-first order handles every child before its parent's rows go.
        for (var i = _steps.Count - 1; i >= 0; i--)
            statements.Add(new PlanStatement(stepSql[i], _steps[i].Deleted, binds));
        statements.Add(new PlanStatement($"DELETE FROM {root.QuotedTable} WHERE {conditions[0]}", 0, binds));
        return [.. statements];
    }

    private static CascadePlan? Build(ModelDescriptor root)
    {
        var deleted = new List<ModelDescriptor> { root };
        var steps = new List<Step>();
        var queue = new Queue<int>();
        queue.Enqueue(0);
        while (queue.Count > 0)
        {
            var parentIndex = queue.Dequeue();
            foreach (var relation in deleted[parentIndex].ReverseRelations)
            {
                switch (relation.OnDelete)
                {
                    case OnDelete.Protect or OnDelete.Restrict:
                        return null;
                    case OnDelete.Cascade:
                        // A model reached twice (or a cycle) could have one row deleted by two steps.
                        if (deleted.Contains(relation.Source))
                            return null;
                        deleted.Add(relation.Source);
                        steps.Add(new Step(relation, parentIndex, deleted.Count - 1));
                        queue.Enqueue(deleted.Count - 1);
                        break;
                    case OnDelete.SetNull or OnDelete.SetDefault:
                        steps.Add(new Step(relation, parentIndex, -1));
                        break;
                }
            }
        }
        // An updated model must not also be deleted by the plan (one row, two changes, in an order the plan does not control).
        foreach (var step in steps)
        {
            if (step.Deleted < 0 && deleted.Contains(step.Relation.Source))
                return null;
        }
        return new CascadePlan(deleted, steps);
    }

    /// <summary>One step: rows of <see cref="RelationDescriptor.Source"/> pointing at the rows of step <see cref="Parent"/>; deleted as index <see cref="Deleted"/>, or updated when -1.</summary>
    private sealed record Step(RelationDescriptor Relation, int Parent, int Deleted);
}
