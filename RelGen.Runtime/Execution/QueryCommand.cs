using Npgsql;
using RelGen.Query;
using RelGen.Sql;

namespace RelGen.Execution;

/// <summary>Binds a query to a command in one pass: shape and parameters together, then the cached SQL text of the shape.</summary>
internal static class QueryCommand
{
    /// <summary>
    /// Writes <paramref name="state"/> as <paramref name="kind"/> (with <paramref name="filter"/> as one more clause, see
    /// <see cref="QueryState.Write"/>) into <paramref name="command"/>'s parameters and text, and logs it.
    /// </summary>
    public static CompiledQuery Bind(RelGenDatabase database, NpgsqlCommand command, QueryState state, QueryKind kind, Predicate? filter = null)
    {
        // Django's rule: a lock outside a transaction would be released as soon as the statement ends.
        if (state.Lock is not null && command.Transaction is null && kind is QueryKind.Select or QueryKind.Get)
            Throw.LockOutsideTransaction(state.Model);
        var writer = ShapeWriter.Rent(command.Parameters);
        try
        {
            state.Write(writer, kind, filter);
            var compiled = QueryCache.Get(writer);
            command.CommandText = compiled.Sql;
            database.Log.Command(compiled.Sql);
            return compiled;
        }
        finally
        {
            ShapeWriter.Return(writer);
        }
    }

    /// <summary>
    /// Binds <paramref name="state"/>'s select as the query of a cursor (<c>DECLARE name NO SCROLL CURSOR FOR …</c>, whose
    /// rows <c>FETCH</c> reads a chunk at a time), and logs it.
    /// </summary>
    public static CompiledQuery BindCursor(RelGenDatabase database, NpgsqlCommand command, QueryState state, string cursor)
    {
        var writer = ShapeWriter.Rent(command.Parameters);
        try
        {
            state.Write(writer, QueryKind.Select);
            var compiled = QueryCache.Get(writer);
            command.CommandText = "DECLARE " + cursor + " NO SCROLL CURSOR FOR " + compiled.Sql;
            database.Log.Command(command.CommandText);
            return compiled;
        }
        finally
        {
            ShapeWriter.Return(writer);
        }
    }

    /// <summary>The SQL text of <paramref name="state"/> as <paramref name="kind"/>, without values.</summary>
    public static string Sql(QueryState state, QueryKind kind)
    {
        var writer = ShapeWriter.Rent(null);
        try
        {
            state.Write(writer, kind);
            return QueryCache.Get(writer).Sql;
        }
        finally
        {
            ShapeWriter.Return(writer);
        }
    }

    /// <summary>A command on the lease's connection whose text <see cref="Bind"/> sets.</summary>
    public static NpgsqlCommand Create(in ConnectionLease lease) => new() { Connection = lease.Connection, Transaction = lease.Transaction };
}
