using Npgsql;
using RelGen.Execution;
using RelGen.Metadata;
using RelGen.Query;
using RelGen.Sql;

namespace RelGen.Delete;

/// <summary>
/// Deletes objects with every relation's on-delete rule, atomically, and all or nothing for every row a concurrent transaction
/// touches: every row that has rows beneath it is locked before anything is deleted, so a child inserted concurrently either
/// commits first and is deleted and counted with the rest, or waits and then fails on its foreign key; a child moved away
/// concurrently keeps everything beneath it. A cascade tree runs as one batch (<see cref="CascadePlan"/>); other graphs are
/// collected level by level with their rows locked, checked (Protect/Restrict), and deleted by exactly the collected keys in
/// dependency order (<see cref="DeleteCollector"/>). A model that nothing points at is a plan of one statement (Django's fast
/// delete).
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
            result = await CollectAsync(database, model, DeleteSql.For(model).LockKeys, p => p.Add(model.KeyArrayParameter([entity])),
                cancellationToken).ConfigureAwait(false);
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
        return CollectAsync(database, model, $"SELECT {key} FROM {model.QuotedTable}{where} ORDER BY {key} FOR UPDATE", p => Bind(p, state),
            cancellationToken);
    }

    /// <summary>Binds the key subquery's values.</summary>
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
    /// One round trip: the plan's statements in one batch (one implicit transaction when none is open), those that take
    /// parameters bound by <paramref name="bind"/>. Counts come from the deleting statements' command tags; the locks the plan
    /// takes first make them every row the operation removes.
    /// </summary>
    private static async Task<DeleteResult> RunPlanAsync<TArg>(RelGenDatabase database, CascadePlan plan, PlanStatement[] statements,
        Action<NpgsqlParameterCollection, TArg> bind, TArg arg, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lease = await database.AcquireAsync(DatabaseOperation.Delete, plan.Deleted[0].Name, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var batch = lease.CreateBatch();
            foreach (var statement in statements)
            {
                var command = new NpgsqlBatchCommand(statement.Sql);
                if (statement.Binds)
                    bind(command.Parameters, arg);
                batch.BatchCommands.Add(command);
            }
            await lease.ExecutePreparedNonQueryAsync(batch, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < statements.Length; i++)
            {
                if (statements[i].Counts >= 0)
                    AddCount(counts, plan.Deleted[statements[i].Counts], batch.BatchCommands[i].RecordsAffected);
            }
            return new DeleteResult(counts);
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

    private static void AddCount(Dictionary<string, int> counts, ModelDescriptor model, int count)
    {
        if (count > 0)
            counts[model.Name] = counts.GetValueOrDefault(model.Name) + count;
    }

    /// <summary>
    /// Collects from the seed rows <paramref name="lockSql"/> selects and locks, checks, and deletes, in a transaction: the
    /// caller's, or one of its own.
    /// </summary>
    private static async Task<DeleteResult> CollectAsync(RelGenDatabase database, ModelDescriptor model, string lockSql,
        Action<NpgsqlParameterCollection> bindSeed, CancellationToken cancellationToken)
    {
        if (!database.InTransaction)
        {
            await using var transaction = await database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var result = await CollectAsync(database, model, lockSql, bindSeed, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        var lease = await database.AcquireAsync(DatabaseOperation.Delete, model.Name, cancellationToken).ConfigureAwait(false);
        try
        {
            var collector = new DeleteCollector(lease);
            await collector.CollectAsync(model, lockSql, bindSeed, cancellationToken).ConfigureAwait(false);
            return await collector.ExecuteAsync(cancellationToken).ConfigureAwait(false);
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
