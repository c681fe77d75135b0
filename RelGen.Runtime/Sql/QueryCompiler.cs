using System.Collections.Concurrent;
using System.Text;
using RelGen.Query;

namespace RelGen.Sql;

/// <summary>
/// Compiles a <see cref="QueryState"/> to one SQL statement. The text depends only on the query's
/// shape, so it is built once per shape and kind and cached; values are bound separately.
/// </summary>
internal static class QueryCompiler
{
    private static readonly ConcurrentDictionary<ShapeKey, CompiledQuery> Cache = new();

    public static CompiledQuery Compile(QueryState state, QueryKind kind)
    {
        var key = new ShapeKey(state, kind);
        if (Cache.TryGetValue(key, out var compiled))
            return compiled;
        return CompileAndCache(key);
    }

    private static CompiledQuery CompileAndCache(ShapeKey key)
    {
        var text = new StringBuilder(256);
        var layout = WriteQuery(text, key.State, key.Kind, new SqlCounters());
        var compiled = new CompiledQuery(text.ToString(), layout);
        // Bound the cache so that an unbounded variety of shapes cannot grow it without limit.
        if (Cache.Count < 10_000)
            Cache.TryAdd(key, compiled);
        return compiled;
    }

    /// <summary>Writes the statement; returns where each select-related model's columns start.</summary>
    internal static int[] WriteQuery(StringBuilder sql, QueryState state, QueryKind kind, SqlCounters counters)
    {
        var level = new QueryLevel(state.Model, counters);
        var where = new StringBuilder();
        var builder = new SqlBuilder(where, level);
        for (var i = 0; i < state.Filters.Length; i++)
        {
            level.CurrentGroup = i;
            where.Append(where.Length == 0 ? " WHERE " : " AND ");
            var filter = state.Filters[i];
            (filter.Exclude ? !filter.Predicate : filter.Predicate).WriteSql(builder);
        }
        level.CurrentGroup = -1;

        var rows = kind is QueryKind.Select or QueryKind.Get;
        var ordered = kind is QueryKind.Select || (kind is QueryKind.Keys && state.IsSliced);
        var order = ordered ? state.Order ?? DefaultOrder(state) : [];
        var orderText = new StringBuilder();
        var orderColumns = new List<string>();
        foreach (var term in order)
        {
            var column = new StringBuilder();
            new SqlBuilder(column, level).Column(term.Column);
            orderColumns.Add(column.ToString());
            orderText.Append(orderText.Length == 0 ? " ORDER BY " : ", ").Append(column).Append(term.Descending ? " DESC" : " ASC");
        }

        var select = new StringBuilder();
        int[] offsets = [];
        if (kind is QueryKind.Keys)
        {
            select.Append(level.RootAlias).Append('.').Append(state.Model.Key.QuotedColumn);
        }
        else if (rows || state.Distinct)
        {
            AppendColumns(select, level.RootAlias, state.Model);
            if (rows)
            {
                offsets = new int[state.SelectRelated.Length];
                var offset = state.Model.Columns.Length;
                for (var i = 0; i < state.SelectRelated.Length; i++)
                {
                    var path = state.SelectRelated[i];
                    offsets[i] = offset;
                    AppendColumns(select, level.AliasFor(path).Alias, path.Model);
                    offset += path.Model.Columns.Length;
                }
            }
        }
        else
        {
            select.Append('1');
        }
        if (state.Distinct && rows)
        {
            // PostgreSQL wants ORDER BY expressions of a SELECT DISTINCT in its select list.
            var selected = select.ToString();
            foreach (var column in orderColumns)
            {
                if (!selected.Contains(column, StringComparison.Ordinal))
                    select.Append(", ").Append(column);
            }
        }

        // Distinct rows of the model are distinct keys: count those directly instead of through a subquery.
        var countDistinctKeys = kind is QueryKind.Count && state.Distinct && !state.IsSliced;
        if (countDistinctKeys)
        {
            select.Clear();
            select.Append("COUNT(DISTINCT ").Append(level.RootAlias).Append('.').Append(state.Model.Key.QuotedColumn).Append(')');
        }
        var body = new StringBuilder();
        body.Append(state.Distinct && !countDistinctKeys ? "SELECT DISTINCT " : "SELECT ").Append(select);
        level.WriteFrom(body);
        body.Append(where).Append(orderText);
        if (state.Limit is not null)
            body.Append(" LIMIT $").Append(counters.NextParameter());
        else if (kind is QueryKind.Get)
            body.Append(" LIMIT ").Append(MultipleObjectsReturnedException.GetLimit);
        if (state.Offset > 0)
            body.Append(" OFFSET $").Append(counters.NextParameter());

        switch (kind)
        {
            case QueryKind.Count when countDistinctKeys:
                sql.Append(body);
                break;
            case QueryKind.Count when state.Distinct || state.IsSliced:
                sql.Append("SELECT COUNT(*) FROM (").Append(body).Append(") AS s");
                break;
            case QueryKind.Count:
                // The body was written with "SELECT 1"; count the same rows.
                sql.Append("SELECT COUNT(*)").Append(body, 8, body.Length - 8);
                break;
            case QueryKind.Exists:
                sql.Append("SELECT EXISTS (").Append(body).Append(state.Limit is null ? " LIMIT 1)" : ")");
                break;
            default:
                sql.Append(body);
                break;
        }
        return offsets;
    }

    private static OrderTerm[] DefaultOrder(QueryState state)
    {
        var ordering = state.Model.Ordering;
        if (ordering.Length == 0)
            return [];
        var terms = new OrderTerm[ordering.Length];
        for (var i = 0; i < ordering.Length; i++)
            terms[i] = new OrderTerm(new ColumnRef(null, state.Model.Columns[ordering[i].ColumnOrdinal]), ordering[i].Descending);
        return terms;
    }

    private static void AppendColumns(StringBuilder select, string alias, Schema.ModelMeta model)
    {
        foreach (var column in model.Columns)
        {
            if (select.Length > 0)
                select.Append(", ");
            select.Append(alias).Append('.').Append(column.QuotedColumn);
        }
    }

    private readonly struct ShapeKey(QueryState state, QueryKind kind) : IEquatable<ShapeKey>
    {
        public QueryState State { get; } = state;
        public QueryKind Kind { get; } = kind;

        public bool Equals(ShapeKey other) => Kind == other.Kind && State.ShapeEquals(other.State);

        public override bool Equals(object? obj) => obj is ShapeKey other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(State.ShapeHash(), Kind);
    }
}
