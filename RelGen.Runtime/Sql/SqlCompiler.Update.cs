using System.Text;
using RelGen.Metadata;

namespace RelGen.Sql;

internal sealed partial class SqlCompiler
{
    /// <summary>
    /// <c>UPDATE table t0 SET column = expression, … WHERE …</c>. The values come first (their placeholders are numbered
    /// first), read against the updated row's own alias. The rows are chosen by the query's filters on that same alias when
    /// the query is not sliced, takes no row lock and its joins are inner forward ones (<c>UPDATE … FROM reporter t1 WHERE t1.id =
    /// t0.reporter_id AND …</c>, each row meeting exactly one row of each table); otherwise, as Django does, by
    /// <c>t0.key IN (SELECT key …)</c>, a subquery with joins, order, limit and row lock of its own.
    /// </summary>
    private void WriteUpdate(StringBuilder sql)
    {
        var head = Take(ShapeOp.Update);
        var model = (ModelDescriptor)head.A!;
        var target = new QueryLevel(model, this);
        var alias = target.RootAlias;
        sql.Append("UPDATE ").Append(model.QuotedTable).Append(' ').Append(alias).Append(" SET ");
        var assignments = 0;
        while (Peek.Op == ShapeOp.Assign)
        {
            var column = (ColumnDescriptor)Take().B!;
            sql.Append(assignments++ == 0 ? "" : ", ").Append(column.QuotedName).Append(" = ");
            WriteExpression(sql, target);
        }
        // Values read only the row's own columns (the query set refuses the rest before anything is sent).
        if (target.HasJoins)
            throw new InvalidOperationException($"An update of {model.Name} can only set values from fields of {model.Name} itself.");
        if ((head.Arg & 1) != 0)
        {
            var version = model.Version!.QuotedName;
            sql.Append(assignments == 0 ? "" : ", ").Append(version).Append(" = ").Append(alias).Append('.').Append(version).Append(" + 1");
        }

        var (next, parameters, aliases) = (_next, _parameters, _aliases);
        var filters = new List<string>();
        if (TryWriteOwnRowFilters(filters, target))
        {
            if (target.HasJoins)
            {
                // Forward inner joins only: UPDATE … FROM the joined tables, joined in the WHERE, as one would write it by hand.
                var from = new StringBuilder();
                var conditions = new List<string>();
                target.WriteUpdateFrom(from, conditions);
                sql.Append(" FROM ").Append(from);
                filters.InsertRange(0, conditions);
            }
            if (filters.Count > 0)
                sql.Append(" WHERE ").AppendJoin(" AND ", filters);
            return;
        }
        // Start over, the same tokens as a key subquery: same placeholders, fresh aliases.
        (_next, _parameters, _aliases) = (next, parameters, aliases);
        sql.Append(" WHERE ").Append(alias).Append('.').Append(model.Key.QuotedName).Append(" IN (");
        WriteQuery(sql);
        sql.Append(')');
    }

    /// <summary>
    /// Writes the query's filters against the updated row itself, one condition each; false (with the tokens half read) when
    /// the query is sliced, locks its rows, or a filter needs a join other than an inner forward one.
    /// </summary>
    private bool TryWriteOwnRowFilters(List<string> filters, QueryLevel target)
    {
        var head = Take(ShapeOp.Query);
        if ((((QueryFlags)head.Arg) & (QueryFlags.Limit | QueryFlags.Offset)) != 0)
            return false;
        for (var group = 0; Peek.Op == ShapeOp.Filter; group++)
        {
            Take();
            target.CurrentGroup = group;
            var filter = new StringBuilder();
            WritePredicate(filter, target);
            if (!target.JoinsAreInnerForward)
                return false;
            filters.Add(filter.ToString());
        }
        target.CurrentGroup = -1;
        // An unsliced update has no use for an order (its tokens are read past, their placeholders still counted so the
        // values stay in step). A row lock it keeps: SKIP LOCKED and NOWAIT choose or refuse rows that the statement alone
        // would wait for, so a locking query chooses its rows in the key subquery.
        var ignored = new QueryLevel(target.Model, this);
        while (Peek.Op == ShapeOp.Order)
        {
            Take();
            WriteExpression(new StringBuilder(), ignored);
        }
        if (Peek.Op is ShapeOp.Lock)
            return false;
        Take(ShapeOp.End);
        return true;
    }
}
