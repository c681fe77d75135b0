using RelGen.Sql;

namespace RelGen.Query;

public partial class QuerySet<T, TLookup>
{
    /// <summary>
    /// PostgreSQL's plan for this query (Django's <c>explain()</c>), one line per plan node. With <paramref name="analyze"/> the
    /// query runs and the plan shows actual rows and times (<c>EXPLAIN ANALYZE</c>).
    /// </summary>
    public Task<string> ExplainAsync(bool analyze = false, CancellationToken cancellationToken = default)
        => QueryExplainer.ExplainAsync(Database, State, QueryKind.Select, analyze, cancellationToken);
}
