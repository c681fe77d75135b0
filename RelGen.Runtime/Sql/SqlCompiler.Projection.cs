using System.Globalization;
using System.Text;
using RelGen.Metadata;
using RelGen.Query;

namespace RelGen.Sql;

/// <summary>
/// Projections (<c>Select</c>) and the aggregate terminals (<c>SumAsync</c>, …). A projection without aggregates is one row per
/// row of the query. With aggregates the rows are grouped by the plain terms (Django's <c>values().annotate()</c>), except
/// where the plain terms hold the query's own key and nothing repeats its rows: then each aggregate over a relation is one
/// value per row and no GROUP BY is needed. A filter on an aggregate of the rows themselves goes to HAVING.
/// </summary>
internal sealed partial class SqlCompiler
{
    private int[] WriteProjection(StringBuilder sql, ShapeToken head)
    {
        var kind = (QueryKind)(head.Arg & 0xFF);
        var flags = (QueryFlags)(head.Arg & ~0xFF);
        var model = (ModelDescriptor)head.A!;
        var distinct = (flags & QueryFlags.Distinct) != 0;
        var sliced = (flags & (QueryFlags.Limit | QueryFlags.Offset)) != 0;
        var level = new QueryLevel(model, this);
        var terms = ScanTerms(model);
        _groupsRows = true;

        var where = new StringBuilder();
        var having = new StringBuilder();
        for (var group = 0; Peek.Op == ShapeOp.Filter; group++)
        {
            Take();
            level.CurrentGroup = group;
            var before = _ownRowAggregates;
            var text = new StringBuilder();
            WritePredicate(text, level);
            var target = _ownRowAggregates > before ? having : where;
            target.Append(target.Length == 0 ? "" : " AND ").Append(text);
        }
        level.CurrentGroup = -1;

        if (kind is QueryKind.Aggregate && (distinct || sliced))
        {
            if (having.Length > 0)
                throw new InvalidOperationException($"A distinct or sliced {model.Name} query cannot also filter on an aggregate of its rows.");
            return WriteAggregateOfRows(sql, model, level, where, flags);
        }

        var aggregated = terms.Exists(t => t.Aggregated);
        var onePerRow = !aggregated
            || (having.Length == 0 && !terms.Exists(t => t.OwnRowAggregate) && terms.Exists(t => t.RowIdentity) && !level.JoinsReverse);
        var grouped = !onePerRow && terms.Exists(t => !t.Aggregated);
        if (having.Length > 0 && onePerRow)
            throw new InvalidOperationException(
                $"A Filter on an aggregate of the {model.Name} rows themselves (Sum(), Count() of the model) needs Select terms to group by; "
                + "filter on an aggregate of a relation instead (r => r.Article.Count() > 1).");
        var groupKeys = new List<string>();
        var correlated = new HashSet<string>(StringComparer.Ordinal);
        if (grouped)
            GroupKeys(level, terms, groupKeys, correlated);
        _scope = new ProjectionScope(level, !onePerRow, correlated);

        var orderTerms = new List<(string Text, int Flags, bool Aggregate)>();
        while (Peek.Op == ShapeOp.Order)
        {
            var termFlags = Take().Arg;
            var before = _aggregates;
            var text = new StringBuilder();
            WriteExpression(text, level);
            orderTerms.Add((text.ToString(), termFlags, _aggregates > before));
        }
        // Django leaves the model's default order out of grouped queries (3.1+); RelGen also out of distinct projections,
        // where its columns would join the distinct ones.
        if ((flags & QueryFlags.DefaultOrder) != 0 && onePerRow && !distinct)
        {
            foreach (var term in model.Ordering)
            {
                var (alias, column) = level.Resolve(null, term.Column, DateTransform.None);
                orderTerms.Add((alias + "." + column.QuotedName, term.Descending ? OrderTerm.DescendingFlag : 0, false));
            }
        }
        if (!onePerRow && !grouped)
            orderTerms.Clear();
        while (Peek.Op == ShapeOp.SelectRelated)
            Take();

        var select = new StringBuilder();
        var selected = new HashSet<string>(StringComparer.Ordinal);
        var groupBy = new List<string>();
        var groupedTexts = new HashSet<string>(StringComparer.Ordinal);
        var columns = 0;
        foreach (var term in terms)
        {
            var project = Take(ShapeOp.Project);
            if (project.Arg == ProjectFlags.Model)
            {
                var path = (RelationPath?)project.A;
                var termModel = (ModelDescriptor)project.B!;
                var alias = level.AliasOf(path);
                foreach (var column in termModel.Columns)
                    AppendSelected(select, selected, alias + "." + column.QuotedName);
                columns += termModel.Columns.Count;
                continue;
            }
            var text = new StringBuilder();
            WriteExpression(text, level);
            AppendSelected(select, selected, text.ToString());
            columns++;
            if (grouped && !term.Aggregated)
            {
                groupBy.Add(columns.ToString(CultureInfo.InvariantCulture));
                groupedTexts.Add(text.ToString());
            }
        }
        if (grouped)
        {
            foreach (var key in groupKeys)
            {
                if (!groupBy.Contains(key))
                    groupBy.Add(key);
            }
            // As Django does, ordering by a plain expression groups by it too.
            foreach (var term in orderTerms)
            {
                if (!term.Aggregate && !groupBy.Contains(term.Text) && groupedTexts.Add(term.Text))
                    groupBy.Add(term.Text);
            }
        }
        if (distinct)
        {
            // PostgreSQL wants the ORDER BY expressions of a SELECT DISTINCT in its select list; they are read by no term.
            foreach (var term in orderTerms)
            {
                if (!selected.Contains(term.Text))
                    AppendSelected(select, selected, term.Text);
            }
        }
        var order = new StringBuilder();
        var orderTexts = new List<string>();
        foreach (var term in orderTerms)
            AppendOrder(order, orderTexts, term.Text, term.Flags);

        var (limit, offset) = TakeSlice();
        Take(ShapeOp.End);
        _scope = null;
        _groupsRows = false;

        sql.Append(distinct ? "SELECT DISTINCT " : "SELECT ").Append(select);
        level.WriteFrom(sql);
        if (where.Length > 0)
            sql.Append(" WHERE ").Append(where);
        if (groupBy.Count > 0)
            sql.Append(" GROUP BY ").AppendJoin(", ", groupBy);
        if (having.Length > 0)
            sql.Append(" HAVING ").Append(having);
        sql.Append(order).Append(limit).Append(offset);
        return [];
    }

    /// <summary>
    /// An aggregate terminal over a distinct or sliced query: the rows aggregated are those the query would return, chosen by
    /// key in a subquery that keeps the query's filters, order and slice.
    /// </summary>
    private int[] WriteAggregateOfRows(StringBuilder sql, ModelDescriptor model, QueryLevel rows, StringBuilder where, QueryFlags flags)
    {
        var sliced = (flags & (QueryFlags.Limit | QueryFlags.Offset)) != 0;
        var order = new StringBuilder();
        var orderTexts = new List<string>();
        while (Peek.Op == ShapeOp.Order)
        {
            var termFlags = Take().Arg;
            var text = new StringBuilder();
            WriteExpression(text, rows);
            AppendOrder(order, orderTexts, text.ToString(), termFlags);
        }
        if ((flags & QueryFlags.DefaultOrder) != 0)
        {
            foreach (var term in model.Ordering)
            {
                var (alias, column) = rows.Resolve(null, term.Column, DateTransform.None);
                AppendOrder(order, orderTexts, alias + "." + column.QuotedName, term.Descending ? OrderTerm.DescendingFlag : 0);
            }
        }
        while (Peek.Op == ShapeOp.SelectRelated)
            Take();

        var outer = new QueryLevel(model, this);
        _scope = new ProjectionScope(outer, Aggregated: true, []);
        var value = new StringBuilder();
        Take(ShapeOp.Project);
        WriteExpression(value, outer);
        _scope = null;
        _groupsRows = false;
        var (limit, offset) = TakeSlice();
        Take(ShapeOp.End);

        var key = model.Key.QuotedName;
        sql.Append("SELECT ").Append(value);
        outer.WriteFrom(sql);
        sql.Append(" WHERE ").Append(outer.RootAlias).Append('.').Append(key).Append(" IN (SELECT ").Append(rows.RootAlias).Append('.').Append(key);
        rows.WriteFrom(sql);
        if (where.Length > 0)
            sql.Append(" WHERE ").Append(where);
        if (sliced)
            sql.Append(order);
        sql.Append(limit).Append(offset).Append(')');
        return [];
    }

    private (string Limit, string Offset) TakeSlice()
    {
        var limit = "";
        if (Peek.Op == ShapeOp.Limit)
        {
            Take();
            limit = " LIMIT " + WriteParameter();
        }
        var offset = "";
        if (Peek.Op == ShapeOp.Offset)
        {
            Take();
            offset = " OFFSET " + WriteParameter();
        }
        return (limit, offset);
    }

    private static void AppendSelected(StringBuilder select, HashSet<string> selected, string text)
    {
        if (select.Length > 0)
            select.Append(", ");
        select.Append(text);
        selected.Add(text);
    }

    /// <summary>
    /// What the groups are keyed by besides the plain terms' positions (<paramref name="groupBy"/>): the key of each model term,
    /// and the key column a subquery correlated on it would use (<c>t0.reporter_id</c> for the reporter of an article). The
    /// grouped columns a subquery can correlate on go to <paramref name="correlated"/>: an aggregate over their relations
    /// reads one parent per group.
    /// </summary>
    private static void GroupKeys(QueryLevel level, List<TermInfo> terms, List<string> groupBy, HashSet<string> correlated)
    {
        foreach (var term in terms)
        {
            if (term.Aggregated)
                continue;
            if (term.IsModel)
            {
                var model = term.Path?.Model ?? level.Model;
                var key = level.AliasOf(term.Path) + "." + model.Key.QuotedName;
                var (alias, column) = level.Resolve(term.Path, model.Key, DateTransform.None);
                var shortcut = alias + "." + column.QuotedName;
                groupBy.Add(key);
                correlated.Add(key);
                if (correlated.Add(shortcut))
                    groupBy.Add(shortcut);
            }
            else if (term.Column is { } plain)
            {
                var (alias, column) = level.Resolve(plain.Path, plain.Column, DateTransform.None);
                correlated.Add(alias + "." + column.QuotedName);
            }
        }
    }

    /// <summary>Reads ahead to the projection's terms (after its filters and order) and notes what each one is.</summary>
    private List<TermInfo> ScanTerms(ModelDescriptor model)
    {
        var terms = new List<TermInfo>();
        var depth = 0;
        for (var i = _next; ; i++)
        {
            var token = _tokens[i];
            if (token.Op == ShapeOp.Query)
            {
                depth++;
                continue;
            }
            if (token.Op == ShapeOp.End)
            {
                if (depth-- == 0)
                    break;
                continue;
            }
            if (depth > 0 || terms.Count == 0 && token.Op != ShapeOp.Project)
                continue;
            switch (token.Op)
            {
                case ShapeOp.Project when token.Arg == ProjectFlags.Model:
                    terms.Add(new TermInfo { IsModel = true, Path = (RelationPath?)token.A, RowIdentity = token.A is null });
                    break;
                case ShapeOp.Project:
                    var term = new TermInfo();
                    var next = _tokens[i + 1];
                    var after = _tokens[i + 2].Op;
                    if (next.Op == ShapeOp.Column && next.Arg == (int)DateTransform.None && after is ShapeOp.Project or ShapeOp.Limit or ShapeOp.Offset or ShapeOp.End)
                    {
                        term.Column = new ColumnRef((RelationPath?)next.A, (ColumnDescriptor)next.B!);
                        term.RowIdentity = next.A is null && ReferenceEquals(next.B, model.Key);
                    }
                    terms.Add(term);
                    break;
                case ShapeOp.Aggregate:
                    var current = terms[^1];
                    current.Aggregated = true;
                    if ((token.Arg & AggregateCall.RelationFlag) == 0)
                        current.OwnRowAggregate = true;
                    break;
            }
        }
        return terms;
    }

    /// <summary>What a projection term is, read ahead of compiling it.</summary>
    private sealed class TermInfo
    {
        public bool IsModel { get; init; }

        public RelationPath? Path { get; init; }

        /// <summary>A plain column, when the term is nothing more.</summary>
        public ColumnRef? Column { get; set; }

        /// <summary>The query's own model or its key: one term value per row of the query.</summary>
        public bool RowIdentity { get; set; }

        public bool Aggregated { get; set; }

        /// <summary>An aggregate of the query's own rows (not of a relation): the rows must be grouped.</summary>
        public bool OwnRowAggregate { get; set; }
    }
}
