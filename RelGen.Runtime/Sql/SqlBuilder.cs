using System.Globalization;
using System.Text;
using RelGen.Query;

namespace RelGen.Sql;

/// <summary>What predicates write into: text, placeholders, and columns resolved against a <see cref="QueryLevel"/>.</summary>
internal sealed class SqlBuilder
{
    private readonly StringBuilder _text;

    public SqlBuilder(StringBuilder text, QueryLevel level)
    {
        _text = text;
        Level = level;
    }

    public QueryLevel Level { get; }

    public void Append(string text) => _text.Append(text);

    public void Append(char c) => _text.Append(c);

    public void Parameter() => _text.Append('$').Append(Level.Counters.NextParameter().ToString(CultureInfo.InvariantCulture));

    public void Column(ColumnRef column)
    {
        var (alias, meta) = Level.Resolve(column);
        var part = column.Transform switch
        {
            DateTransform.Year => "YEAR",
            DateTransform.Month => "MONTH",
            DateTransform.Day => "DAY",
            _ => null,
        };
        if (part is null)
        {
            _text.Append(alias).Append('.').Append(meta.QuotedColumn);
            return;
        }
        _text.Append("CAST(EXTRACT(").Append(part).Append(" FROM ").Append(alias).Append('.').Append(meta.QuotedColumn).Append(") AS integer)");
    }

    /// <summary>
    /// Django's negation across a reverse relation: the row is dropped when any related row matches,
    /// so the condition is tested in a correlated subquery with joins of its own.
    /// </summary>
    public void WriteNotExists(Predicate predicate)
    {
        var inner = new QueryLevel(Level.Model, Level.Counters) { CurrentGroup = 0 };
        var where = new StringBuilder();
        var key = Level.Model.Key.QuotedColumn;
        where.Append(inner.RootAlias).Append('.').Append(key).Append(" = ").Append(Level.RootAlias).Append('.').Append(key).Append(" AND ");
        predicate.WriteSql(new SqlBuilder(where, inner));
        _text.Append("NOT EXISTS (SELECT 1");
        inner.WriteFrom(_text);
        _text.Append(" WHERE ").Append(where).Append(')');
    }

    /// <summary>A query set used as a value list: <c>SELECT key FROM …</c> in the same statement.</summary>
    public void WriteKeySubquery(QueryState subquery) => QueryCompiler.WriteQuery(_text, subquery, QueryKind.Keys, Level.Counters);
}
