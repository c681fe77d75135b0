using System.Text;
using RelGen.Query;

namespace RelGen.Sql;

/// <summary>
/// Aggregates and <c>EXISTS</c>. An aggregate over a reverse relation is a correlated subquery of its own, with its own
/// joins: one value per row of the query whatever else the query joins, so several of them never multiply each other
/// (Django's "combining multiple aggregations" pitfall). Measured against <c>LEFT JOIN … GROUP BY … HAVING</c> on 100k
/// reporters × 1M articles, the subquery was 4–15× faster for counts (an index-only scan per row) and as fast for sums.
/// In a grouped projection whose groups hold several of the aggregate's parent rows, the subquery reads the related rows
/// of the group's distinct parents, <c>= ANY(ARRAY_AGG(DISTINCT parent))</c>, which stays right when a parent repeats.
/// </summary>
internal sealed partial class SqlCompiler
{
    /// <summary>How aggregates over relations meet the projection being compiled; null outside projections (one value per row).</summary>
    private ProjectionScope? _scope;

    /// <summary>How many aggregates of a query's own rows have been written: a filter that writes one belongs in HAVING.</summary>
    private int _ownRowAggregates;

    /// <summary>How many aggregates of any kind have been written: an order term that writes one is not grouped by.</summary>
    private int _aggregates;

    /// <summary>True while a projection is compiled: only there can rows be grouped, so only there may a group be aggregated.</summary>
    private bool _groupsRows;

    private void WriteAggregate(StringBuilder sql, QueryLevel level, ShapeToken token)
    {
        var function = (AggregateFunction)(token.Arg & 0xF);
        var cast = (AggregateCast)((token.Arg >> 4) & 0xF);
        var path = (RelationPath?)token.A;
        var hasArgument = (token.Arg & AggregateCall.ArgumentFlag) != 0;
        var hasFilter = (token.Arg & AggregateCall.FilterFlag) != 0;
        _aggregates++;
        if ((token.Arg & AggregateCall.RelationFlag) == 0)
        {
            // The query's own rows (a group of a projection): COUNT(*), SUM(t0.views), … FILTER (WHERE …).
            if (!_groupsRows)
                throw new InvalidOperationException(
                    $"{AggregateName(function)} aggregates the {level.Model.Name} rows themselves, which needs Select terms to group by; "
                    + "to filter or order rows by an aggregate, aggregate a relation of them (r => r.Article.Count()).");
            _ownRowAggregates++;
            var value = new StringBuilder();
            if (function == AggregateFunction.Count)
                value.Append(path is null ? "COUNT(*)" : "COUNT(" + KeyOf(level, path) + ")");
            else
                AppendCall(value, function, level, hasArgument);
            if (hasFilter)
            {
                value.Append(" FILTER (WHERE ");
                WritePredicate(value, level);
                value.Append(')');
            }
            AppendCast(sql, value.ToString(), cast);
            return;
        }

        var (owner, anchor) = AnchorOf(level, path!);
        var inner = new QueryLevel(anchor.Relation.Source, this, anchor, owner) { CurrentGroup = 0 };
        var result = new StringBuilder();
        if (function == AggregateFunction.Count)
            result.Append(path!.Depth == anchor.Depth ? "COUNT(*)" : "COUNT(" + KeyOf(inner, path) + ")");
        else
            AppendCall(result, function, inner, hasArgument);
        string? filter = null;
        if (hasFilter)
        {
            var text = new StringBuilder();
            WritePredicate(text, inner);
            filter = text.ToString();
        }
        sql.Append("(SELECT ");
        AppendCast(sql, result.ToString(), cast);
        inner.WriteFrom(sql);
        sql.Append(" WHERE ");
        AppendCorrelation(sql, owner, inner, anchor);
        if (filter is not null)
            sql.Append(" AND ").Append(filter);
        sql.Append(')');
    }

    /// <summary><c>EXISTS</c> over the objects at the token's path, optionally matching the filter that follows.</summary>
    private void WriteExists(StringBuilder sql, QueryLevel level, ShapeToken token)
    {
        var path = (RelationPath)token.A!;
        var (owner, anchor) = AnchorOf(level, path);
        var inner = new QueryLevel(anchor.Relation.Source, this, anchor, owner) { CurrentGroup = 0 };
        var where = new StringBuilder();
        // A deeper path must reach an object, not only its parent.
        if (path.Depth > anchor.Depth)
            where.Append(" AND ").Append(KeyOf(inner, path)).Append(" IS NOT NULL");
        if ((token.Arg & AggregateCall.FilterFlag) != 0)
        {
            where.Append(" AND ");
            WritePredicate(where, inner);
        }
        sql.Append("EXISTS (SELECT 1");
        inner.WriteFrom(sql);
        sql.Append(" WHERE ");
        AppendCorrelation(sql, owner, inner, anchor);
        sql.Append(where).Append(')');
    }

    /// <summary>
    /// The level an aggregate over <paramref name="path"/> belongs to (the innermost one the path is below) and its anchor:
    /// the first reverse hop below that level's own anchor, whose table the subquery reads.
    /// </summary>
    private static (QueryLevel Owner, RelationPath Anchor) AnchorOf(QueryLevel level, RelationPath path)
    {
        for (var owner = level; owner is not null; owner = owner.Outer)
        {
            if (owner.Anchor is not null && !QueryLevel.IsUnder(path, owner.Anchor))
                continue;
            var depth = owner.Anchor?.Depth ?? 0;
            RelationPath? hop = null;
            for (var p = path; p is not null && p.Depth > depth; p = p.Parent)
            {
                if (p.IsReverse)
                    hop = p;
            }
            if (hop is null)
                throw new InvalidOperationException($"'{path}' is not a reverse relation of the rows it is aggregated for; aggregate a relation of them.");
            return (owner, hop);
        }
        throw new InvalidOperationException($"'{path}' is not reachable from the query.");
    }

    /// <summary>
    /// The subquery's rows point at the outer row: <c>u.reporter_id = t0.id</c>. Where the outer rows are grouped and a group can
    /// hold several parents, at the group's distinct parents: <c>u.reporter_id = ANY(ARRAY_AGG(DISTINCT t0.id))</c>.
    /// </summary>
    private void AppendCorrelation(StringBuilder sql, QueryLevel owner, QueryLevel inner, RelationPath anchor)
    {
        var (alias, column) = owner.Resolve(anchor.Parent, anchor.Relation.Target.Key, DateTransform.None);
        var parent = alias + "." + column.QuotedName;
        sql.Append(inner.RootAlias).Append('.').Append(anchor.Relation.Column.QuotedName);
        if (_scope is { Aggregated: true } scope && scope.Level == owner && !scope.GroupKeys.Contains(parent))
            sql.Append(" = ANY(ARRAY_AGG(DISTINCT ").Append(parent).Append("))");
        else
            sql.Append(" = ").Append(parent);
    }

    private void AppendCall(StringBuilder sql, AggregateFunction function, QueryLevel level, bool hasArgument)
    {
        if (!hasArgument)
            throw new InvalidOperationException($"Malformed query shape: {function} without an argument.");
        sql.Append(function switch
        {
            AggregateFunction.Sum => "SUM(",
            AggregateFunction.Average => "AVG(",
            AggregateFunction.Min => "MIN(",
            _ => "MAX(",
        });
        WriteExpression(sql, level);
        sql.Append(')');
    }

    private static string AggregateName(AggregateFunction function) => function == AggregateFunction.Average ? "Average()" : function + "()";

    private static void AppendCast(StringBuilder sql, string value, AggregateCast cast)
    {
        var type = cast switch
        {
            AggregateCast.Integer => "integer",
            AggregateCast.BigInt => "bigint",
            AggregateCast.Numeric => "numeric",
            AggregateCast.Double => "double precision",
            _ => null,
        };
        if (type is null)
            sql.Append(value);
        else
            sql.Append("CAST(").Append(value).Append(" AS ").Append(type).Append(')');
    }

    /// <summary>The key column of the objects at <paramref name="path"/> (a forward key column when that avoids a join).</summary>
    private static string KeyOf(QueryLevel level, RelationPath path)
    {
        var (alias, column) = level.Resolve(path, path.Model.Key, DateTransform.None);
        return alias + "." + column.QuotedName;
    }

    /// <summary>The projection being compiled, as aggregates over relations see it.</summary>
    /// <param name="Level">The projection's own level.</param>
    /// <param name="Aggregated">True when its rows are groups (GROUP BY, or one row of aggregates) rather than rows of the query.</param>
    /// <param name="GroupKeys">The grouped expressions: a subquery correlated on one of them reads one parent per group.</param>
    private sealed record ProjectionScope(QueryLevel Level, bool Aggregated, HashSet<string> GroupKeys);
}
