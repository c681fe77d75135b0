using Npgsql;
using RelGen.Execution;
using RelGen.Metadata;
using RelGen.Query;
using RelGen.Sql;

namespace RelGen.Save;

/// <summary>
/// Set-based UPDATEs written as query shapes: the assignments, then the query choosing the rows, in one pass of tokens and
/// parameters, compiled once per shape (<see cref="SqlCompiler"/>'s update form). <c>UpdateAsync</c> and a save of given
/// fields both run here.
/// </summary>
internal static class QueryUpdater
{
    /// <summary>One UPDATE of the rows of <paramref name="state"/>; the assignments are checked already. Returns the row count.</summary>
    public static async Task<int> UpdateAsync(RelGenDatabase database, QueryState state, Assignment[] assignments, CancellationToken cancellationToken)
    {
        var lease = await database.AcquireAsync(DatabaseOperation.Update, state.Model, cancellationToken).ConfigureAwait(false);
        try
        {
            return await ExecuteAsync(database, lease, state, assignments, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// Django's <c>save(update_fields=…)</c> through a query set: <c>SET</c> each of <paramref name="columns"/> to the object's
    /// value where the key is the object's (and the version, when there is one) and the row is in <paramref name="state"/>.
    /// </summary>
    public static async Task SaveFieldsAsync<T>(RelGenDatabase database, QueryState state, T entity, List<ColumnDescriptor<T>> columns,
        CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        var model = T.RelGenModel;
        // Django: an empty update_fields saves nothing.
        if (columns.Count == 0)
            return;
        if (!model.HasKey(entity))
            throw new InvalidOperationException($"Cannot save fields of {model.Name} '{entity}': it has no {model.Key.Property}, so there is no row to update. Save it whole first.");
        Saver.Validate(model, entity, columns);
        var assignments = new Assignment[columns.Count];
        for (var i = 0; i < assignments.Length; i++)
            assignments[i] = columns[i].AssignValueOf(entity);
        var rows = state.AddFilter(model.KeyFilter(entity), exclude: false);
        var version = model.TypedVersion;
        if (version is not null)
            rows = rows.AddFilter(version.HasValueOf(entity), exclude: false);
        if (await UpdateAsync(database, rows, assignments, cancellationToken).ConfigureAwait(false) == 0)
        {
            if (version is not null)
                Saver.ThrowConcurrency(model, entity);
            throw new DoesNotExistException(model.Name,
                $"No {model.Name} row with {model.Key.Property} {model.DescribeKey(entity)}{(state.Filters.Length > 0 ? " matches the query" : " exists")}: nothing was saved (saving given fields updates, never inserts).");
        }
        if (version is not null)
            model.AdvanceVersion(entity);
        model.Context(entity) ??= database.DefaultContext;
        model.AcceptChanges(entity, columns);
    }

    private static async Task<int> ExecuteAsync(RelGenDatabase database, ConnectionLease lease, QueryState state, Assignment[] assignments,
        CancellationToken cancellationToken)
    {
        await using var command = QueryCommand.Create(lease);
        Bind(database, command, state, assignments);
        return await lease.ExecutePreparedNonQueryAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the update's shape and values, then sets the cached SQL text of the shape and logs it.</summary>
    private static void Bind(RelGenDatabase database, NpgsqlCommand command, QueryState state, Assignment[] assignments)
    {
        var writer = ShapeWriter.Rent(command.Parameters);
        try
        {
            var compiled = Write(writer, state, assignments);
            command.CommandText = compiled.Sql;
            database.Log.Command(compiled.Sql);
        }
        finally
        {
            ShapeWriter.Return(writer);
        }
    }

    /// <summary>The header (with the version's move when no assignment sets it), each assignment, then the query choosing the rows.</summary>
    private static CompiledQuery Write(ShapeWriter writer, QueryState state, Assignment[] assignments)
    {
        var model = state.Model;
        var bumpsVersion = model.Version is { } version && Array.TrueForAll(assignments, a => a.Column != version);
        writer.Token(ShapeOp.Update, bumpsVersion ? 1 : 0, model);
        foreach (var assignment in assignments)
        {
            writer.Token(ShapeOp.Assign, 0, null, assignment.Column);
            assignment.WriteValue(writer);
        }
        state.Write(writer, QueryKind.Keys);
        return QueryCache.Get(writer);
    }
}
