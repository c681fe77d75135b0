using System.Collections.Concurrent;
using System.Text;
using RelGen.Schema;

namespace RelGen.Delete;

/// <summary>
/// The delete of one model as a single statement: a chain of data-modifying CTEs, one per model the
/// cascade reaches, each deleting the rows whose key its parent's CTE returned. Only possible when the
/// cascade is a tree (no model reached twice, no cycle) and no Protect/Restrict rule needs checking;
/// otherwise <see cref="For"/> returns null and the collector runs instead.
/// </summary>
internal sealed class CascadePlan
{
    private static readonly ConcurrentDictionary<ModelMeta, CascadePlan?> Plans = new();

    private CascadePlan(List<ModelMeta> deleted, string withClauses, string countSelect)
    {
        Deleted = deleted;
        WithClauses = withClauses;
        CountSelect = countSelect;
    }

    /// <summary>The models whose rows the statement deletes, in the order of the counts it returns.</summary>
    public List<ModelMeta> Deleted { get; }

    /// <summary>The CTEs after the root's, each referring to its parent as <c>d{n}</c>.</summary>
    public string WithClauses { get; }

    /// <summary>The final SELECT of one count per deleted model.</summary>
    public string CountSelect { get; }

    public static CascadePlan? For(ModelMeta root) => Plans.GetOrAdd(root, Build);

    /// <summary>The statement deleting the root rows chosen by <paramref name="rootCondition"/> (e.g. <c>"id" = ANY($1)</c>).</summary>
    public string Sql(string rootCondition)
    {
        var root = Deleted[0];
        return $"WITH d0 AS (DELETE FROM {root.QuotedTable} WHERE {rootCondition} RETURNING {root.Key.QuotedColumn}){WithClauses} {CountSelect}";
    }

    private static CascadePlan? Build(ModelMeta root)
    {
        var deleted = new List<ModelMeta> { root };
        var with = new StringBuilder();
        var updates = 0;
        var queue = new Queue<(ModelMeta Model, int Cte)>();
        queue.Enqueue((root, 0));
        while (queue.Count > 0)
        {
            var (parent, cte) = queue.Dequeue();
            foreach (var relation in parent.ReverseRelations)
            {
                var child = relation.Source;
                var inParent = $"{relation.Column.QuotedColumn} IN (SELECT {parent.Key.QuotedColumn} FROM d{cte})";
                switch (relation.OnDelete)
                {
                    case OnDelete.Protect or OnDelete.Restrict:
                        return null;
                    case OnDelete.Cascade:
                        // A model reached twice (or a cycle) could have one row deleted by two CTEs.
                        if (deleted.Contains(child))
                            return null;
                        deleted.Add(child);
                        var index = deleted.Count - 1;
                        with.Append($", d{index} AS (DELETE FROM {child.QuotedTable} WHERE {inParent} RETURNING {child.Key.QuotedColumn})");
                        queue.Enqueue((child, index));
                        break;
                    case OnDelete.SetNull or OnDelete.SetDefault:
                        var value = relation.OnDelete == OnDelete.SetNull ? "NULL" : "DEFAULT";
                        with.Append($", u{updates++} AS (UPDATE {child.QuotedTable} SET {relation.Column.QuotedColumn} = {value} WHERE {inParent})");
                        break;
                }
            }
        }
        // An updated model must not also be deleted in the same statement (one row, two modifications).
        foreach (var model in deleted)
        {
            foreach (var relation in model.ReverseRelations)
            {
                if (relation.OnDelete is OnDelete.SetNull or OnDelete.SetDefault && deleted.Contains(relation.Source))
                    return null;
            }
        }
        var counts = new StringBuilder("SELECT ");
        for (var i = 0; i < deleted.Count; i++)
            counts.Append(i == 0 ? "" : ", ").Append($"(SELECT COUNT(*) FROM d{i})");
        return new CascadePlan(deleted, with.ToString(), counts.ToString());
    }
}
