using RelGen.Execution;
using RelGen.Query;
using RelGen.Sql;

namespace RelGen.Tests.Sql;

/// <summary>The text of the other query kinds (ToSql shows the select), through the internal compiler.</summary>
internal static class QueryText
{
    public static string Count<T>(QuerySet<T> query) where T : class, IModel<T>
        => QueryCommand.Sql(query.State, QueryKind.Count);
}
