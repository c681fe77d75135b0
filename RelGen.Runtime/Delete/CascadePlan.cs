using System.Collections.Concurrent;
using System.Text;
using RelGen.Metadata;

namespace RelGen.Delete;

/// <summary>
/// The delete of one model's cascade without collecting keys first. Only possible when the cascade is a tree
/// (no model reached twice, no cycle) and no Protect/Restrict rule needs checking; otherwise <see cref="For"/>
/// returns null and the collector runs instead. Each step finds its rows through its parent's key condition on the
/// base tables, so every step can use the foreign-key index.
/// <list type="bullet">
/// <item>By key (<see cref="ByKeyStatements"/>): the root row is locked, then each step is its own statement,
/// leaves first, counted from its command tag. No <c>RETURNING</c> tuple has to be built, and the root row is
/// fixed by its key, so the statements' separate snapshots all mean the same rows.</item>
/// <item>By condition (<see cref="Sql"/>): one statement of data-modifying CTEs, so that every step sees the one
/// snapshot in which the condition chose the root rows.</item>
/// </list>
/// </summary>
internal sealed class CascadePlan
{
    private static readonly ConcurrentDictionary<ModelDescriptor, CascadePlan?> Plans = new();

    private readonly List<Step> _steps;
    private PlanStatement[]? _byKey;

    private CascadePlan(List<ModelDescriptor> deleted, List<Step> steps)
    {
        Deleted = deleted;
        _steps = steps;
    }

    /// <summary>The models whose rows the statement deletes, in the order of the counts it returns.</summary>
    public List<ModelDescriptor> Deleted { get; }

    public static CascadePlan? For(ModelDescriptor root) => Plans.GetOrAdd(root, Build);

    /// <summary>The statement locking the root rows chosen by <paramref name="rootCondition"/>.</summary>
    private string LockSql(string rootCondition) => $"SELECT 1 FROM {Deleted[0].QuotedTable} WHERE {rootCondition} FOR UPDATE";

    /// <summary>The batch deleting the root rows chosen by <paramref name="rootCondition"/>: their lock, then <see cref="Sql"/>.</summary>
    public PlanStatement[] ByConditionStatements(string rootCondition)
        => [new PlanStatement(LockSql(rootCondition), PlanStatement.None), new PlanStatement(Sql(rootCondition), PlanStatement.AllInRow)];

    /// <summary>
    /// The batch deleting the root row whose key is <c>$1</c>, built once: the lock on the root row (a child being
    /// inserted concurrently commits first, and any later one waits and then fails), then every step leaves first,
    /// then the root.
    /// </summary>
    public PlanStatement[] ByKeyStatements => _byKey ??= BuildByKey();


    private PlanStatement[] BuildByKey()
    {
        var root = Deleted[0];
        var conditions = new string[Deleted.Count];
        conditions[0] = $"{root.Key.QuotedName} = $1";
        var stepSql = new string[_steps.Count];
        for (var i = 0; i < _steps.Count; i++)
        {
            var step = _steps[i];
            var condition = ChildCondition(step, conditions, rootIsKeyParameter: true);
            var child = step.Relation.Source;
            if (step.Deleted >= 0)
            {
                conditions[step.Deleted] = condition;
                stepSql[i] = $"DELETE FROM {child.QuotedTable} WHERE {condition}";
            }
            else
            {
                stepSql[i] = $"UPDATE {child.QuotedTable} SET {step.Relation.Column.QuotedName} = {SetValue(step)} WHERE {condition}";
            }
        }
        var statements = new PlanStatement[_steps.Count + 2];
        statements[0] = new PlanStatement(LockSql(conditions[0]), PlanStatement.None);
        // Steps are in breadth-first order, so reversed every child is handled before its parent's rows go.
        for (var i = 0; i < _steps.Count; i++)
        {
            var step = _steps[_steps.Count - 1 - i];
            statements[i + 1] = new PlanStatement(stepSql[_steps.Count - 1 - i], step.Deleted);
        }
        statements[^1] = new PlanStatement($"DELETE FROM {root.QuotedTable} WHERE {conditions[0]}", 0);
        return statements;
    }

    private string ChildCondition(Step step, string[] conditions, bool rootIsKeyParameter)
    {
        var parent = Deleted[step.Parent];
        return step.Parent == 0 && rootIsKeyParameter
            ? $"{step.Relation.Column.QuotedName} = $1"
            : $"{step.Relation.Column.QuotedName} IN (SELECT {parent.Key.QuotedName} FROM {parent.QuotedTable} WHERE {conditions[step.Parent]})";
    }

    private static string SetValue(Step step) => step.Relation.OnDelete == OnDelete.SetNull ? "NULL" : "DEFAULT";

    /// <summary>The statement deleting the root rows chosen by <paramref name="rootCondition"/>.</summary>
    private string Sql(string rootCondition)
    {
        var conditions = new string[Deleted.Count];
        conditions[0] = rootCondition;
        var root = Deleted[0];
        var sql = new StringBuilder($"WITH d0 AS (DELETE FROM {root.QuotedTable} WHERE {rootCondition} RETURNING 1)");
        var updates = 0;
        foreach (var step in _steps)
        {
            var condition = ChildCondition(step, conditions, rootIsKeyParameter: false);
            var child = step.Relation.Source;
            if (step.Deleted >= 0)
            {
                conditions[step.Deleted] = condition;
                sql.Append($", d{step.Deleted} AS (DELETE FROM {child.QuotedTable} WHERE {condition} RETURNING 1)");
            }
            else
            {
                sql.Append($", u{updates++} AS (UPDATE {child.QuotedTable} SET {step.Relation.Column.QuotedName} = {SetValue(step)} WHERE {condition})");
            }
        }
        sql.Append(" SELECT ");
        for (var i = 0; i < Deleted.Count; i++)
            sql.Append(i == 0 ? "" : ", ").Append($"(SELECT COUNT(*) FROM d{i})");
        return sql.ToString();
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
        // An updated model must not also be deleted in the same statement (one row, two modifications).
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
