using Npgsql;
using RelGen.Execution;
using RelGen.Metadata;
using RelGen.Query;
using RelGen.Save;
using RelGen.Sql;

namespace RelGen.Delete;

/// <summary>
/// Deletes objects with every relation's on-delete rule, atomically: the rows to delete are locked (so a child inserted
/// concurrently waits and then fails, never leaving an orphan), the cascade is collected, Protect/Restrict are checked,
/// then all updates and deletes go in one batch. A model that nothing points at is deleted with one statement and no
/// collection (Django's fast delete).
/// </summary>
internal static class Deleter
{
    public static async Task<DeleteResult> DeleteEntityAsync<T>(RelGenDatabase database, T entity, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(entity);
        var model = T.RelGenModel;
        if (!model.HasKey(entity))
            throw new InvalidOperationException($"{model.Name} object ('{entity}') can't be deleted because its {model.Key.Property} is not set.");
        DeleteResult result;
        if (CascadePlan.For(model) is { } plan)
        {
            result = await RunPlanAsync(database, plan, plan.ByKeyStatements, static (p, e) => e.Model.AddKeyParameter(e.Entity, p),
                (Model: model, Entity: entity), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var sql = ModelSql.For(model);
            result = await RunAsync(database, model, sql.LockKeys, sql.DeleteKeys,
                p => p.Add(model.KeyArrayParameter([entity])), cancellationToken).ConfigureAwait(false);
        }
        model.ResetKey(entity);
        model.Context(entity) = null;
        return result;
    }

    public static Task<DeleteResult> DeleteQueryAsync(RelGenDatabase database, QueryState state, CancellationToken cancellationToken)
    {
        var model = state.Model;
        var key = model.Key.QuotedName;
        var condition = "TRUE";
        // Every row: no key subquery at all (Django's test_fast_delete_all).
        if (state.Filters.Length > 0 || state.IsSliced)
            condition = $"{key} IN ({QueryCommand.Sql(state, QueryKind.Keys)})";
        if (CascadePlan.For(model) is { } plan)
            return RunPlanAsync(database, plan, plan.ByConditionStatements(condition), static (p, s) => Bind(p, s), state, cancellationToken);
        var where = condition == "TRUE" ? "" : " WHERE " + condition;
        return RunAsync(database, model, $"SELECT {key} FROM {model.QuotedTable}{where} FOR UPDATE", $"DELETE FROM {model.QuotedTable}{where}",
            p => Bind(p, state), cancellationToken);
    }

    /// <summary>Binds the key subquery's values (the same in every statement that repeats the condition).</summary>
    private static void Bind(NpgsqlParameterCollection parameters, QueryState state)
    {
        if (state.Filters.Length == 0 && !state.IsSliced)
            return;
        var writer = ShapeWriter.Rent(parameters);
        try
        {
            state.Write(writer, QueryKind.Keys);
        }
        finally
        {
            ShapeWriter.Return(writer);
        }
    }

    /// <summary>
    /// One round trip, atomic: the plan's statements in one batch (one implicit transaction), each bound by
    /// <paramref name="bind"/>. The root rows are locked first, so a child being inserted concurrently commits before the
    /// deletes run, and their fresh snapshots see it. The counts come from the command tags of a by-key batch, or from the
    /// one row of a by-condition statement. The database's ON DELETE rules mirror the relations' as a last line of defence.
    /// </summary>
    private static async Task<DeleteResult> RunPlanAsync<TArg>(RelGenDatabase database, CascadePlan plan, PlanStatement[] statements,
        Action<NpgsqlParameterCollection, TArg> bind, TArg arg, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lease = await database.AcquireAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var batch = new NpgsqlBatch(lease.Connection, lease.Transaction);
            foreach (var statement in statements)
            {
                var command = new NpgsqlBatchCommand(statement.Sql);
                bind(command.Parameters, arg);
                batch.BatchCommands.Add(command);
            }
            database.Log.Batch(batch);
            await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
            await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                for (var i = 0; i < statements.Length; i++)
                {
                    if (statements[i].Counts == PlanStatement.AllInRow && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        for (var m = 0; m < plan.Deleted.Count; m++)
                            AddCount(counts, plan.Deleted[m], (int)reader.GetInt64(m));
                    }
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            for (var i = 0; i < statements.Length; i++)
            {
                if (statements[i].Counts >= 0)
                    AddCount(counts, plan.Deleted[statements[i].Counts], batch.BatchCommands[i].RecordsAffected);
            }
            return new DeleteResult(counts);
        }
        catch (PostgresException e) when (Errors.IsIntegrityError(e))
        {
            throw new IntegrityException(e);
        }
        finally
        {
            await lease.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void AddCount(Dictionary<string, int> counts, ModelDescriptor model, int count)
    {
        if (count > 0)
            counts[model.Name] = counts.GetValueOrDefault(model.Name) + count;
    }

    /// <summary>
    /// <paramref name="lockSql"/> selects and locks the seed keys; <paramref name="deleteSql"/> deletes the same rows in one
    /// statement, used alone when nothing can point at them (<see cref="DeleteCollector.CanFastDelete"/>).
    /// </summary>
    private static async Task<DeleteResult> RunAsync(RelGenDatabase database, ModelDescriptor model, string lockSql, string deleteSql,
        Action<NpgsqlParameterCollection> bindSeed, CancellationToken cancellationToken)
    {
        var lease = await database.AcquireAsync(cancellationToken).ConfigureAwait(false);
        NpgsqlTransaction? own = null;
        try
        {
            if (DeleteCollector.CanFastDelete(model))
                return await FastDeleteAsync(database, lease, model, deleteSql, bindSeed, cancellationToken).ConfigureAwait(false);
            if (lease.Ambient is null)
                own = await lease.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var collector = new DeleteCollector(database, lease);
            await collector.CollectAsync(model, lockSql, bindSeed, cancellationToken).ConfigureAwait(false);
            var result = await collector.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            if (own is not null)
                await own.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (PostgresException e) when (Errors.IsIntegrityError(e))
        {
            throw new IntegrityException(e);
        }
        finally
        {
            if (own is not null)
                await own.DisposeAsync().ConfigureAwait(false);
            await lease.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Django's fast delete: nothing to cascade, update or check, so one DELETE does it all, atomic on its own, and its row
    /// count is the result.
    /// </summary>
    private static async Task<DeleteResult> FastDeleteAsync(RelGenDatabase database, ConnectionLease lease, ModelDescriptor model, string deleteSql,
        Action<NpgsqlParameterCollection> bind, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(lease, deleteSql);
        bind(command.Parameters);
        var count = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (count > 0)
            counts[model.Name] = count;
        return new DeleteResult(counts);
    }
}
