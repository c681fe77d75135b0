using System.Text;
using RelGen.Metadata;
using RelGen.Query;

namespace RelGen.Sql;

internal sealed partial class SqlCompiler
{
    /// <summary>
    /// <c>Distinct().CountAsync()</c> where <see cref="DistinctCountPlan"/> allows it: <c>SELECT COUNT(*) FROM reporter t0 WHERE
    /// EXISTS (SELECT 1 FROM article t1 WHERE t1.reporter_id = t0.id AND …) AND …</c> instead of <c>COUNT(DISTINCT t0.id)</c>
    /// over <c>LEFT OUTER JOIN</c>s, which sorts or hashes every joined row. PostgreSQL plans the <c>EXISTS</c> as a semi-join,
    /// which stops at the first related row. Conditions are written in token order (so placeholders stay in step), each
    /// against its own level: the model's rows, or the <c>EXISTS</c> of its reverse hop in its clause. The order is read
    /// past, its placeholders counted: a count has no use for it.
    /// </summary>
    private void WriteDistinctCount(StringBuilder sql, ModelDescriptor model, DistinctCountPlan plan)
    {
        var level = new QueryLevel(model, this);
        var conditions = new List<string>();
        var semiJoins = new List<SemiJoin>();
        for (var group = 0; Peek.Op == ShapeOp.Filter; group++)
        {
            Take();
            level.CurrentGroup = group;
            WriteConjuncts(level, plan, group, conditions, semiJoins);
        }
        level.CurrentGroup = -1;
        QueryLevel? ignored = null;
        while (Peek.Op == ShapeOp.Order)
        {
            Take();
            WriteExpression(new StringBuilder(), ignored ??= new QueryLevel(model, this));
        }
        Take(ShapeOp.End);

        var where = new StringBuilder();
        foreach (var semiJoin in semiJoins)
        {
            where.Append(where.Length == 0 ? " WHERE " : " AND ").Append("EXISTS (SELECT 1");
            semiJoin.Level.WriteFrom(where);
            where.Append(" WHERE ");
            AppendCorrelation(where, level, semiJoin.Level, semiJoin.Anchor);
            where.Append(semiJoin.Conditions).Append(')');
        }
        foreach (var condition in conditions)
            where.Append(where.Length == 0 ? " WHERE " : " AND ").Append(condition);
        // The plan sends every condition that reads a reverse relation into an EXISTS; a reverse join here would repeat rows.
        if (level.JoinsReverse)
            throw new InvalidOperationException($"Internal error: the distinct count of {model.Name} joined a reverse relation outside its EXISTS.");
        sql.Append("SELECT COUNT(*)");
        level.WriteFrom(sql);
        sql.Append(where);
    }

    /// <summary>Writes a filter clause's conjuncts (split at its top-level ANDs), each where the plan puts it.</summary>
    private void WriteConjuncts(QueryLevel level, DistinctCountPlan plan, int group, List<string> conditions, List<SemiJoin> semiJoins)
    {
        if (Peek.Op == ShapeOp.And)
        {
            Take();
            WriteConjuncts(level, plan, group, conditions, semiJoins);
            WriteConjuncts(level, plan, group, conditions, semiJoins);
            return;
        }
        if (!plan.TryGetAnchor(_next, out var anchor))
        {
            var condition = new StringBuilder();
            WritePredicate(condition, level);
            conditions.Add(condition.ToString());
            return;
        }
        var semiJoin = semiJoins.Find(s => s.Group == group && s.Anchor.Equals(anchor));
        if (semiJoin is null)
        {
            // As WriteExists does: the hop's table is the subquery's root, paths below it resolve there, the others outside.
            semiJoin = new SemiJoin(anchor, group, new QueryLevel(anchor.Relation.Source, this, anchor, level) { CurrentGroup = 0 });
            semiJoins.Add(semiJoin);
        }
        semiJoin.Conditions.Append(" AND ");
        WritePredicate(semiJoin.Conditions, semiJoin.Level);
    }

    /// <summary>One <c>EXISTS</c> of a distinct count: a reverse hop in one filter clause, and the conditions on its rows.</summary>
    private sealed class SemiJoin(RelationPath anchor, int group, QueryLevel level)
    {
        public RelationPath Anchor { get; } = anchor;

        public int Group { get; } = group;

        public QueryLevel Level { get; } = level;

        /// <summary>The conditions after the correlation, each starting with " AND ".</summary>
        public StringBuilder Conditions { get; } = new();
    }
}
