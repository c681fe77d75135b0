using System.Collections.Concurrent;
using System.Text;
using RelGen.Schema;

namespace RelGen.Delete;

/// <summary>
/// The delete of one model as a single statement: data-modifying CTEs, one per model the cascade reaches
/// (and one per SetNull/SetDefault rule). Each step finds its rows through its parent's key condition on
/// the base tables, so every step can use the foreign-key index; all steps see the statement's one snapshot.
/// Only possible when the cascade is a tree (no model reached twice, no cycle) and no Protect/Restrict rule
/// needs checking; otherwise <see cref="For"/> returns null and the collector runs instead.
/// </summary>
internal sealed class CascadePlan
{
    private static readonly ConcurrentDictionary<ModelMeta, CascadePlan?> Plans = new();

    private readonly List<Step> _steps;
    private string? _byKeySql;
    private string? _byKeyLockSql;

    private CascadePlan(List<ModelMeta> deleted, List<Step> steps)
    {
        Deleted = deleted;
        _steps = steps;
    }

    /// <summary>The models whose rows the statement deletes, in the order of the counts it returns.</summary>
    public List<ModelMeta> Deleted { get; }

    public static CascadePlan? For(ModelMeta root) => Plans.GetOrAdd(root, Build);

    /// <summary>The statement deleting the root row whose key is <c>$1</c>, built once.</summary>
    public string ByKeySql => _byKeySql ??= Sql($"{Deleted[0].Key.QuotedColumn} = $1", rootIsKeyParameter: true);

    /// <summary>The statement locking the root rows chosen by <paramref name="rootCondition"/>.</summary>
    public string LockSql(string rootCondition) => $"SELECT 1 FROM {Deleted[0].QuotedTable} WHERE {rootCondition} FOR UPDATE";

    /// <summary>The statement locking the root row whose key is <c>$1</c>, built once.</summary>
    public string ByKeyLockSql => _byKeyLockSql ??= LockSql($"{Deleted[0].Key.QuotedColumn} = $1");

    /// <summary>The statement deleting the root rows chosen by <paramref name="rootCondition"/>.</summary>
    public string Sql(string rootCondition, bool rootIsKeyParameter = false)
    {
        var conditions = new string[Deleted.Count];
        conditions[0] = rootCondition;
        var root = Deleted[0];
        var sql = new StringBuilder($"WITH d0 AS (DELETE FROM {root.QuotedTable} WHERE {rootCondition} RETURNING 1)");
        var updates = 0;
        foreach (var step in _steps)
        {
            var parent = Deleted[step.Parent];
            var condition = step.Parent == 0 && rootIsKeyParameter
                ? $"{step.Relation.Column.QuotedColumn} = $1"
                : $"{step.Relation.Column.QuotedColumn} IN (SELECT {parent.Key.QuotedColumn} FROM {parent.QuotedTable} WHERE {conditions[step.Parent]})";
            var child = step.Relation.Source;
            if (step.Deleted >= 0)
            {
                conditions[step.Deleted] = condition;
                sql.Append($", d{step.Deleted} AS (DELETE FROM {child.QuotedTable} WHERE {condition} RETURNING 1)");
            }
            else
            {
                var value = step.Relation.OnDelete == OnDelete.SetNull ? "NULL" : "DEFAULT";
                sql.Append($", u{updates++} AS (UPDATE {child.QuotedTable} SET {step.Relation.Column.QuotedColumn} = {value} WHERE {condition})");
            }
        }
        sql.Append(" SELECT ");
        for (var i = 0; i < Deleted.Count; i++)
            sql.Append(i == 0 ? "" : ", ").Append($"(SELECT COUNT(*) FROM d{i})");
        return sql.ToString();
    }

    private static CascadePlan? Build(ModelMeta root)
    {
        var deleted = new List<ModelMeta> { root };
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
        // An updated model must not also be deleted in the same statement (one row, two modifications).
        foreach (var step in steps)
        {
            if (step.Deleted < 0 && deleted.Contains(step.Relation.Source))
                return null;
        }
        return new CascadePlan(deleted, steps);
    }

    /// <summary>One step: rows of <see cref="RelationMeta.Source"/> pointing at the rows of step <see cref="Parent"/>; deleted as index <see cref="Deleted"/>, or updated when -1.</summary>
    private sealed record Step(RelationMeta Relation, int Parent, int Deleted);
}
