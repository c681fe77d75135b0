using Npgsql;
using RelGen.Query;
using RelGen.Sql;

namespace RelGen.Execution;

/// <summary>The values a query would send, in placeholder order (<c>ToParameters()</c>): written by the same pass that binds them.</summary>
internal static class QueryValues
{
    public static IReadOnlyList<object?> Of(QueryState state, QueryKind kind)
    {
        using var command = new NpgsqlCommand();
        var writer = ShapeWriter.Rent(command.Parameters);
        try
        {
            state.Write(writer, kind);
        }
        finally
        {
            ShapeWriter.Return(writer);
        }
        var values = new object?[command.Parameters.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = command.Parameters[i].Value;
        return values;
    }
}
