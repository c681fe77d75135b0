using System.Globalization;
using System.Text;
using RelGen.Metadata;
using RelGen.Query;

namespace RelGen.Sql;

/// <summary>
/// Turns a query shape into SQL text, reading its tokens once from left to right: the header, the filter clauses (whose
/// joins come first, so aliases are stable), the order, the select-related paths, the slice. Runs only when a shape is
/// not cached yet. Placeholders are numbered in token order, which is the order the values were bound.
/// </summary>
internal sealed partial class SqlCompiler
{
    private readonly ShapeToken[] _tokens;
    private int _next;
    private int _aliases;
    private int _parameters;

    private SqlCompiler(ShapeToken[] tokens) => _tokens = tokens;

    public static CompiledQuery Compile(ReadOnlySpan<ShapeToken> tokens)
    {
        var compiler = new SqlCompiler(tokens.ToArray());
        var sql = new StringBuilder(256);
        if (tokens[0].Op == ShapeOp.Update)
        {
            compiler.WriteUpdate(sql);
            return new CompiledQuery(sql.ToString(), []);
        }
        if ((QueryKind)(tokens[0].Arg & 0xFF) is QueryKind.DeleteCondition)
        {
            compiler.WriteDeleteCondition(sql);
            return new CompiledQuery(sql.ToString(), []);
        }
        var offsets = compiler.WriteQuery(sql);
        return new CompiledQuery(sql.ToString(), offsets);
    }

    public string NextAlias() => "t" + (_aliases++).ToString(CultureInfo.InvariantCulture);

    private ShapeToken Peek => _tokens[_next];

    private ShapeToken Take(ShapeOp expected)
    {
        var token = _tokens[_next++];
        if (token.Op != expected)
            throw new InvalidOperationException($"Malformed query shape: expected {expected}, found {token.Op} at {_next - 1}.");
        return token;
    }

    private ShapeToken Take() => _tokens[_next++];

    /// <summary>Writes one query (the statement, or a subquery); returns where each select-related model's columns start.</summary>
    private int[] WriteQuery(StringBuilder sql)
    {
        var head = Take(ShapeOp.Query);
        var kind = (QueryKind)(head.Arg & 0xFF);
        if (kind is QueryKind.Values or QueryKind.Aggregate)
            return WriteProjection(sql, head);
        // A delete condition that is not the filters themselves is the key subquery (WriteDeleteCondition).
        if (kind is QueryKind.DeleteCondition)
            kind = QueryKind.Keys;
        var flags = (QueryFlags)(head.Arg & ~0xFF);
        var model = (ModelDescriptor)head.A!;
        var distinct = (flags & QueryFlags.Distinct) != 0;
        var sliced = (flags & (QueryFlags.Limit | QueryFlags.Offset)) != 0;
        // Distinct rows of the model counted as rows, reverse relations as EXISTS, where that is exact (DistinctCountPlan).
        if (kind is QueryKind.Count && distinct && !sliced && DistinctCountPlan.TryCreate(_tokens, _next) is { } plan)
        {
            WriteDistinctCount(sql, model, plan);
            return [];
        }
        var level = new QueryLevel(model, this);

        var where = new StringBuilder();
        for (var group = 0; Peek.Op == ShapeOp.Filter; group++)
        {
            Take();
            level.CurrentGroup = group;
            where.Append(where.Length == 0 ? " WHERE " : " AND ");
            WritePredicate(where, level);
        }
        level.CurrentGroup = -1;

        var order = new StringBuilder();
        var orderTerms = new List<string>();
        while (Peek.Op == ShapeOp.Order)
        {
            var termFlags = Take().Arg;
            var term = new StringBuilder();
            WriteExpression(term, level);
            AppendOrder(order, orderTerms, term.ToString(), termFlags);
        }
        var ordered = kind is QueryKind.Select || (kind is QueryKind.Keys && sliced);
        if (!ordered)
        {
            order.Clear();
            orderTerms.Clear();
        }
        else if ((flags & QueryFlags.DefaultOrder) != 0)
        {
            foreach (var term in model.Ordering)
            {
                var (alias, column) = level.Resolve(null, term.Column, DateTransform.None);
                AppendOrder(order, orderTerms, alias + "." + column.QuotedName, term.Descending ? OrderTerm.DescendingFlag : 0);
            }
        }

        var related = new List<RelationPath>();
        while (Peek.Op == ShapeOp.SelectRelated)
            related.Add((RelationPath)Take().A!);

        var rows = kind is QueryKind.Select or QueryKind.Get;
        var select = new StringBuilder();
        var selected = new HashSet<string>(StringComparer.Ordinal);
        int[] offsets = [];
        if (kind is QueryKind.Keys)
        {
            select.Append(level.RootAlias).Append('.').Append(model.Key.QuotedName);
        }
        else if (rows || distinct)
        {
            AppendColumns(select, selected, level.RootAlias, model);
            if (rows)
            {
                offsets = new int[related.Count];
                var offset = model.Columns.Count;
                for (var i = 0; i < related.Count; i++)
                {
                    offsets[i] = offset;
                    AppendColumns(select, selected, level.AliasFor(related[i]).Alias, related[i].Model);
                    offset += related[i].Model.Columns.Count;
                }
            }
            // PostgreSQL wants the ORDER BY expressions of a SELECT DISTINCT in its select list.
            if (distinct && rows)
            {
                foreach (var term in orderTerms)
                {
                    if (selected.Add(term))
                        select.Append(", ").Append(term);
                }
            }
        }

        var limit = "";
        if (Peek.Op == ShapeOp.Limit)
        {
            Take();
            limit = " LIMIT " + WriteParameter();
        }
        else if (kind is QueryKind.Get)
        {
            limit = " LIMIT " + MultipleObjectsReturnedException.GetLimit.ToString(CultureInfo.InvariantCulture);
        }
        var offsetText = "";
        if (Peek.Op == ShapeOp.Offset)
        {
            Take();
            offsetText = " OFFSET " + WriteParameter();
        }
        var lockText = WriteLock(level, distinct);
        Take(ShapeOp.End);

        // Distinct rows of the model are distinct keys: count those directly instead of through a subquery.
        var countDistinctKeys = kind is QueryKind.Count && distinct && !sliced;
        var wrapCount = kind is QueryKind.Count && !countDistinctKeys && (distinct || sliced);
        if (kind is QueryKind.Exists)
            sql.Append("SELECT EXISTS (");
        else if (wrapCount)
            sql.Append("SELECT COUNT(*) FROM (");
        sql.Append(distinct && !countDistinctKeys ? "SELECT DISTINCT " : "SELECT ");
        if (countDistinctKeys)
            sql.Append("COUNT(DISTINCT ").Append(level.RootAlias).Append('.').Append(model.Key.QuotedName).Append(')');
        else if (kind is QueryKind.Count && !wrapCount)
            sql.Append("COUNT(*)");
        else if (select.Length > 0)
            sql.Append(select);
        else
            sql.Append('1');
        level.WriteFrom(sql);
        sql.Append(where).Append(order).Append(limit).Append(offsetText).Append(lockText);
        if (kind is QueryKind.Exists)
            sql.Append(limit.Length == 0 ? " LIMIT 1)" : ")");
        else if (wrapCount)
            sql.Append(") AS s");
        return offsets;
    }

    private static void AppendOrder(StringBuilder order, List<string> terms, string term, int flags)
    {
        terms.Add(term);
        order.Append(order.Length == 0 ? " ORDER BY " : ", ").Append(term);
        order.Append((flags & OrderTerm.DescendingFlag) != 0 ? " DESC" : " ASC");
        if ((flags & OrderTerm.NullsFirstFlag) != 0)
            order.Append(" NULLS FIRST");
        else if ((flags & OrderTerm.NullsLastFlag) != 0)
            order.Append(" NULLS LAST");
    }

    private static void AppendColumns(StringBuilder select, HashSet<string> selected, string alias, ModelDescriptor model)
    {
        foreach (var column in model.Columns)
        {
            if (select.Length > 0)
                select.Append(", ");
            var text = alias + "." + column.QuotedName;
            select.Append(text);
            selected.Add(text);
        }
    }

    private string WriteParameter()
    {
        Take(ShapeOp.Parameter);
        return "$" + (++_parameters).ToString(CultureInfo.InvariantCulture);
    }

    private void WritePredicate(StringBuilder sql, QueryLevel level)
    {
        var token = Take();
        switch (token.Op)
        {
            case ShapeOp.And or ShapeOp.Or:
                sql.Append('(');
                WritePredicate(sql, level);
                sql.Append(token.Op == ShapeOp.Or ? " OR " : " AND ");
                WritePredicate(sql, level);
                sql.Append(')');
                return;
            case ShapeOp.Not when token.Arg == 1:
                WriteNotExists(sql, level);
                return;
            case ShapeOp.Not:
                sql.Append("((");
                WritePredicate(sql, level);
                sql.Append(") IS NOT TRUE)");
                return;
            case ShapeOp.Compare:
                WriteCompare(sql, level, (LookupOperator)token.Arg);
                return;
            case ShapeOp.IsNull:
                WriteExpression(sql, level);
                sql.Append(token.Arg == 1 ? " IS NULL" : " IS NOT NULL");
                return;
            case ShapeOp.In:
                WriteExpression(sql, level);
                if (token.Arg == 1)
                    sql.Append(" = ANY(ARRAY(SELECT unnest(").Append(WriteParameter()).Append(")))");
                else
                    sql.Append(" = ANY(").Append(WriteParameter()).Append(')');
                return;
            case ShapeOp.InNothing:
                sql.Append("FALSE");
                return;
            case ShapeOp.InQuery:
                WriteExpression(sql, level);
                sql.Append(" IN (");
                WriteQuery(sql);
                sql.Append(')');
                return;
            case ShapeOp.Exists:
                WriteExists(sql, level, token);
                return;
            case ShapeOp.Range:
                WriteExpression(sql, level);
                sql.Append(" BETWEEN ");
                WriteExpression(sql, level);
                sql.Append(" AND ");
                WriteExpression(sql, level);
                return;
            default:
                throw new InvalidOperationException($"Malformed query shape: {token.Op} is not a predicate.");
        }
    }

    private void WriteCompare(StringBuilder sql, QueryLevel level, LookupOperator op)
    {
        if (op == LookupOperator.IExact)
        {
            sql.Append("UPPER(");
            WriteExpression(sql, level);
            sql.Append(") = UPPER(");
            WriteExpression(sql, level);
            sql.Append(')');
            return;
        }
        WriteExpression(sql, level);
        sql.Append(op switch
        {
            LookupOperator.Exact => " = ",
            // C#'s and Django's exclude meaning: a NULL is not equal to a value, so the row is kept.
            LookupOperator.NotEqual => " IS DISTINCT FROM ",
            LookupOperator.Gt => " > ",
            LookupOperator.Gte => " >= ",
            LookupOperator.Lt => " < ",
            LookupOperator.Lte => " <= ",
            LookupOperator.Contains or LookupOperator.StartsWith or LookupOperator.EndsWith => " LIKE ",
            LookupOperator.IContains or LookupOperator.IStartsWith or LookupOperator.IEndsWith => " ILIKE ",
            LookupOperator.Regex => " ~ ",
            LookupOperator.IRegex => " ~* ",
            LookupOperator.ArrayContains => " @> ",
            LookupOperator.ArrayContainedBy => " <@ ",
            LookupOperator.ArrayOverlaps => " && ",
            _ => throw new InvalidOperationException($"Unexpected lookup {op}."),
        });
        WriteExpression(sql, level);
    }

    private void WriteExpression(StringBuilder sql, QueryLevel level)
    {
        var token = Take();
        switch (token.Op)
        {
            case ShapeOp.Column:
                var transform = (DateTransform)token.Arg;
                var (alias, column) = level.Resolve((RelationPath?)token.A, (ColumnDescriptor)token.B!, transform);
                AppendColumn(sql, alias, column, transform);
                return;
            case ShapeOp.Parameter:
                sql.Append('$').Append((++_parameters).ToString(CultureInfo.InvariantCulture));
                return;
            case ShapeOp.Null:
                sql.Append("NULL");
                return;
            case ShapeOp.Aggregate:
                WriteAggregate(sql, level, token);
                return;
            case ShapeOp.Arithmetic:
                sql.Append('(');
                WriteExpression(sql, level);
                sql.Append((ArithmeticOperator)token.Arg switch
                {
                    ArithmeticOperator.Add => " + ",
                    ArithmeticOperator.Subtract => " - ",
                    ArithmeticOperator.Multiply => " * ",
                    _ => " / ",
                });
                WriteExpression(sql, level);
                sql.Append(')');
                return;
            default:
                throw new InvalidOperationException($"Malformed query shape: {token.Op} is not an expression.");
        }
    }

    private static void AppendColumn(StringBuilder sql, string alias, ColumnDescriptor column, DateTransform transform)
        => DateParts.Append(sql, alias, column, transform);

    /// <summary>
    /// Django's negation across a reverse relation: the row is dropped when any related row matches, so the condition is
    /// tested in a correlated subquery with joins of its own.
    /// </summary>
    private void WriteNotExists(StringBuilder sql, QueryLevel outer)
    {
        var inner = outer.Sibling();
        inner.CurrentGroup = 0;
        var where = new StringBuilder();
        var key = outer.Model.Key.QuotedName;
        where.Append(inner.RootAlias).Append('.').Append(key).Append(" = ").Append(outer.RootAlias).Append('.').Append(key).Append(" AND ");
        WritePredicate(where, inner);
        sql.Append("NOT EXISTS (SELECT 1");
        inner.WriteFrom(sql);
        sql.Append(" WHERE ").Append(where).Append(')');
    }
}
