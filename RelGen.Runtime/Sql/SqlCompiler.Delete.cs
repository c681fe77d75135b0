using System.Text;
using RelGen.Metadata;

namespace RelGen.Sql;

internal sealed partial class SqlCompiler
{
    /// <summary>
    /// The condition choosing the rows a query-set delete removes, against the model's table aliased <c>t0</c>
    /// (<see cref="QueryKind.DeleteCondition"/>). As Django's delete compiler does, an unsliced query whose filters read only
    /// the model's own columns is its filters themselves (<c>DELETE FROM reporter t0 WHERE t0.first_name = $1</c>, one scan
    /// of the table); anything else, joins or a slice, is <c>t0.key IN (SELECT key …)</c>, the key subquery with joins, order
    /// and limit of its own, as is a query that locks its rows (<c>SKIP LOCKED</c> and <c>NOWAIT</c> choose or refuse rows
    /// that the DELETE alone would wait for). No filter at all is <c>TRUE</c>.
    /// </summary>
    private void WriteDeleteCondition(StringBuilder sql)
    {
        var model = (ModelDescriptor)Peek.A!;
        var (next, parameters, aliases) = (_next, _parameters, _aliases);
        var target = new QueryLevel(model, this);
        var filters = new List<string>();
        if (TryWriteOwnRowFilters(filters, target) && !target.HasJoins)
        {
            if (filters.Count == 0)
                sql.Append("TRUE");
            else
                sql.AppendJoin(" AND ", filters.Select(f => "(" + f + ")"));
            return;
        }
        // Start over, the same tokens as a key subquery: same placeholders, fresh aliases (the subquery's t0 is its own).
        (_next, _parameters, _aliases) = (next, parameters, aliases);
        sql.Append(target.RootAlias).Append('.').Append(model.Key.QuotedName).Append(" IN (");
        WriteQuery(sql);
        sql.Append(')');
    }
}
