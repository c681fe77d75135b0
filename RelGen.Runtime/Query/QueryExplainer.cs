using System.Text;
using RelGen.Execution;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>PostgreSQL's plan of a query (<c>EXPLAIN</c>, optionally <c>ANALYZE</c>), with the values bound as they would be.</summary>
internal static class QueryExplainer
{
    public static async Task<string> ExplainAsync(RelGenDatabase database, QueryState state, QueryKind kind, bool analyze, CancellationToken cancellationToken)
    {
        var lease = await database.AcquireAsync(DatabaseOperation.Query, state.Model.Name, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = QueryCommand.Create(lease);
            var writer = ShapeWriter.Rent(command.Parameters);
            try
            {
                state.Write(writer, kind);
                command.CommandText = (analyze ? "EXPLAIN (ANALYZE) " : "EXPLAIN ") + QueryCache.Get(writer).Sql;
            }
            finally
            {
                ShapeWriter.Return(writer);
            }
            database.Log.Command(command.CommandText);
            await using var reader = await lease.ExecuteReaderAsync(command, cancellationToken).ConfigureAwait(false);
            var plan = new StringBuilder();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                plan.Append(plan.Length == 0 ? "" : "\n").Append(reader.GetString(0));
            return plan.ToString();
        }
        catch (Exception e) when (lease.Translate(e, cancellationToken) is { } error)
        {
            throw error;
        }
        finally
        {
            await lease.DisposeAsync().ConfigureAwait(false);
        }
    }
}
