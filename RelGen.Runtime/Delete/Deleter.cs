using System.Runtime.CompilerServices;
using Npgsql;
using RelGen.Execution;
using RelGen.Query;
using RelGen.Save;
using RelGen.Schema;
using RelGen.Sql;

namespace RelGen.Delete;

/// <summary>
/// Deletes objects with every relation's on-delete rule, atomically: the rows to delete are locked
/// (so a child inserted concurrently waits and then fails, never leaving an orphan), the cascade is
/// collected, Protect/Restrict are checked, then all updates and deletes go in one batch. A model that
/// nothing points at is deleted with one statement and no collection (Django's fast delete).
/// </summary>
internal static class Deleter
{
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<DeleteResult> DeleteEntityAsync<T>(RelGenDatabase database, T entity, bool async, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(entity);
        var meta = T.Meta;
        if (!meta.IsSaved(entity))
            throw new InvalidOperationException($"{meta.ClassName} object ('{entity}') can't be deleted because its {meta.Key.Property} is not set.");
        DeleteResult result;
        if (CascadePlan.For(meta) is { } plan)
        {
            result = await RunPlanAsync(database, plan, plan.ByKeyStatements, static (p, e) => e.Meta.AddKeyParameter(e.Entity, p),
                (Meta: meta, Entity: entity), async, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var sql = ModelSql.For(meta);
            result = await RunAsync(database, meta, sql.LockKeys, sql.DeleteKeys,
                p => p.Add(meta.CreateKeyArrayParameter([meta.GetKey(entity)])), async, cancellationToken).ConfigureAwait(false);
        }
        meta.ResetKey(entity);
        ((IModel)entity).RelGenDatabase = null;
        return result;
    }

    public static ValueTask<DeleteResult> DeleteQueryAsync(RelGenDatabase database, QueryState state, bool async, CancellationToken cancellationToken)
    {
        var model = state.Model;
        var key = model.Key.QuotedColumn;
        var condition = "TRUE";
        // Every row: no key subquery at all (Django's test_fast_delete_all).
        if (state.Filters.Length > 0 || state.IsSliced)
        {
            var keys = new System.Text.StringBuilder();
            QueryCompiler.WriteQuery(keys, state, QueryKind.Keys, new SqlCounters());
            condition = $"{key} IN ({keys})";
        }
        if (CascadePlan.For(model) is { } plan)
            return RunPlanAsync(database, plan, plan.ByConditionStatements(condition), static (p, s) => s.AddParameters(p), state, async, cancellationToken);
        var where = condition == "TRUE" ? "" : " WHERE " + condition;
        return RunAsync(database, model, $"SELECT {key} FROM {model.QuotedTable}{where} FOR UPDATE", $"DELETE FROM {model.QuotedTable}{where}",
            state.AddParameters, async, cancellationToken);
    }

    /// <summary>
    /// One round trip, atomic: the plan's statements in one batch (one implicit transaction), each bound by
    /// <paramref name="bind"/>. The root rows are locked first, so a child being inserted concurrently commits before
    /// the deletes run, and their fresh snapshots see it. The counts come from the command tags of a by-key batch, or
    /// from the one row of a by-condition statement. The database's ON DELETE rules mirror the relations' as a last
    /// line of defence.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<DeleteResult> RunPlanAsync<TArg>(RelGenDatabase database, CascadePlan plan, PlanStatement[] statements,
        Action<NpgsqlParameterCollection, TArg> bind, TArg arg, bool async, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lease = await database.AcquireAsync(async, cancellationToken).ConfigureAwait(false);
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
            if (async)
                await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
            else
                batch.Prepare();
            await using (var reader = async ? await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false) : batch.ExecuteReader())
            {
                for (var i = 0; i < statements.Length; i++)
                {
                    if (statements[i].Counts == PlanStatement.AllInRow && (async ? await reader.ReadAsync(cancellationToken).ConfigureAwait(false) : reader.Read()))
                    {
                        for (var m = 0; m < plan.Deleted.Count; m++)
                            AddCount(counts, plan.Deleted[m], (int)reader.GetInt64(m));
                    }
                    _ = async ? await reader.NextResultAsync(cancellationToken).ConfigureAwait(false) : reader.NextResult();
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
            await lease.DisposeAsync(async).ConfigureAwait(false);
        }
    }

    private static void AddCount(Dictionary<string, int> counts, ModelMeta model, int count)
    {
        if (count > 0)
            counts[model.ClassName] = counts.GetValueOrDefault(model.ClassName) + count;
    }

    /// <summary>
    /// <paramref name="lockSql"/> selects and locks the seed keys; <paramref name="deleteSql"/> deletes the same rows in
    /// one statement, used alone when nothing can point at them (<see cref="DeleteCollector.CanFastDelete"/>).
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<DeleteResult> RunAsync(RelGenDatabase database, ModelMeta model, string lockSql, string deleteSql,
        Action<NpgsqlParameterCollection> bindSeed, bool async, CancellationToken cancellationToken)
    {
        var lease = await database.AcquireAsync(async, cancellationToken).ConfigureAwait(false);
        NpgsqlTransaction? own = null;
        try
        {
            if (DeleteCollector.CanFastDelete(model))
                return await FastDeleteAsync(database, lease, model, deleteSql, bindSeed, async, cancellationToken).ConfigureAwait(false);
            if (lease.Ambient is null)
                own = async ? await lease.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : lease.Connection.BeginTransaction();
            var collector = new DeleteCollector(database, lease, async);
            await collector.CollectAsync(model, lockSql, bindSeed, cancellationToken).ConfigureAwait(false);
            var result = await collector.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            if (own is not null)
            {
                if (async)
                    await own.CommitAsync(cancellationToken).ConfigureAwait(false);
                else
                    own.Commit();
            }
            return result;
        }
        catch (PostgresException e) when (Errors.IsIntegrityError(e))
        {
            throw new IntegrityException(e);
        }
        finally
        {
            if (own is not null)
            {
                if (async)
                    await own.DisposeAsync().ConfigureAwait(false);
                else
                    own.Dispose();
            }
            await lease.DisposeAsync(async).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Django's fast delete: nothing to cascade, update or check, so one DELETE does it all, atomic on its own, and its
    /// row count is the result.
    /// </summary>
    private static async ValueTask<DeleteResult> FastDeleteAsync(RelGenDatabase database, ConnectionLease lease, ModelMeta model, string deleteSql,
        Action<NpgsqlParameterCollection> bind, bool async, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(lease, deleteSql);
        bind(command.Parameters);
        var count = async ? await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) : command.ExecuteNonQuery();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (count > 0)
            counts[model.ClassName] = count;
        return new DeleteResult(counts);
    }
}
