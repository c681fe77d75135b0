using Npgsql;
using RelGen.Execution;
using RelGen.Metadata;
using RelGen.Query;
using RelGen.Sql;

namespace RelGen.Delete;

/// <summary>
/// Deletes objects with every relation's on-delete rule, atomically, and all or nothing for every row a concurrent transaction
/// touches. A cascade tree is the database's own cascade, one <c>DELETE</c> of the root rows counted through the tables'
/// deletion counters (<see cref="CascadePlan.CountedByKeyStatements"/>): one statement, whose referential actions re-check
/// rows other transactions changed. Where the counters do not move (<c>track_counts</c> off) the tree runs as the locking plan
/// (<see cref="CascadePlan.ByKeyStatements"/>). Other graphs are collected level by level with their rows locked, checked
/// (Protect/Restrict), and deleted by exactly the collected keys in dependency order (<see cref="DeleteCollector"/>). A model
/// that nothing points at is a plan of one statement (Django's fast delete).
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
            var counted = CountsCascades(database) ? plan.CountedByKeyStatements : null;
            result = await RunPlanAsync(database, plan, counted ?? plan.ByKeyStatements, static (p, e) => e.Model.AddKeyParameter(e.Entity, p),
                (Model: model, Entity: entity), cancellationToken).ConfigureAwait(false)
                ?? await RunPlanAsync(database, plan, plan.ByKeyStatements, static (p, e) => e.Model.AddKeyParameter(e.Entity, p),
                (Model: model, Entity: entity), cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The locking plan always counts.");
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

    public static async Task<DeleteResult> DeleteQueryAsync(RelGenDatabase database, QueryState state, CancellationToken cancellationToken)
    {
        var model = state.Model;
        var key = model.Key.QuotedName;
        var condition = "TRUE";
        // Every row: no condition at all (Django's test_fast_delete_all); else the filters on the table itself where they can
        // be, else the key subquery (against the root table aliased t0 either way).
        if (state.Filters.Length > 0 || state.IsSliced)
            condition = QueryCommand.Sql(state, QueryKind.DeleteCondition);
        if (CascadePlan.For(model) is { } plan)
        {
            var counted = CountsCascades(database) ? plan.CountedByConditionStatements(condition) : null;
            return await RunPlanAsync(database, plan, counted ?? plan.ByConditionStatements(condition), static (p, s) => Bind(p, s), state,
                    cancellationToken).ConfigureAwait(false)
                ?? await RunPlanAsync(database, plan, plan.ByConditionStatements(condition), static (p, s) => Bind(p, s), state,
                    cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The locking plan always counts.");
        }
        var where = condition == "TRUE" ? "" : " WHERE " + condition;
        return await CollectAsync(database, model, $"SELECT t0.{key} FROM {model.QuotedTable} t0{where} ORDER BY t0.{key} FOR UPDATE", p => Bind(p, state),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Binds the key subquery's values.</summary>
    private static void Bind(NpgsqlParameterCollection parameters, QueryState state)
    {
        if (state.Filters.Length == 0 && !state.IsSliced)
            return;
        var writer = ShapeWriter.Rent(parameters);
        try
        {
            state.Write(writer, QueryKind.DeleteCondition);
        }
        finally
        {
            ShapeWriter.Return(writer);
        }
    }

    /// <summary>
    /// One round trip: the plan's statements in one batch (one implicit transaction when none is open), those that take
    /// parameters bound by <paramref name="bind"/>. Counts come from the deleting statements' command tags (the locks the
    /// plan takes first make them every row the operation removes), or, for the counted form, from the root's command tag
    /// and the differences of the deleted tables' counters. Null when the counted form found <c>track_counts</c> off (and
    /// so deleted nothing): the caller runs the locking plan.
    /// </summary>
    private static async Task<DeleteResult?> RunPlanAsync<TArg>(RelGenDatabase database, CascadePlan plan, PlanStatement[] statements,
        Action<NpgsqlParameterCollection, TArg> bind, TArg arg, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lease = await database.AcquireAsync(DatabaseOperation.Delete, plan.Deleted[0], cancellationToken).ConfigureAwait(false);
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
            if (CascadePlan.ReadsCounters(statements))
                return await ReadCountedAsync(database, plan, lease, batch, counts, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// Runs a counted batch: the flag, the counters before and the root's delete in one statement (one row: the flag, the
    /// counters, the root rows deleted), the counters after.
    /// </summary>
    private static async Task<DeleteResult?> ReadCountedAsync(RelGenDatabase database, CascadePlan plan, ConnectionLease lease, NpgsqlBatch batch,
        Dictionary<string, int> counts, CancellationToken cancellationToken)
    {
        var before = new long[plan.Deleted.Count];
        bool tracked;
        long roots;
        // Prepared like the other plans: its text is one per model (and query shape), and at small sizes planning the counter
        // reads and the DELETE again on every call was most of what the counted form cost over a hand-written DELETE.
        await using (var reader = await lease.ExecutePreparedReaderAsync(batch, cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            tracked = reader.GetBoolean(0);
            for (var i = 1; i < before.Length; i++)
                before[i] = reader.GetInt64(i);
            roots = reader.GetInt64(before.Length);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 1; i < before.Length; i++)
                AddCount(counts, plan.Deleted[i], checked((int)(reader.GetInt64(i - 1) - before[i])));
        }
        if (!tracked)
        {
            NoCascadeCounts.AddOrUpdate(database, database);
            return null;
        }
        AddCount(counts, plan.Deleted[0], checked((int)roots));
        return new DeleteResult(counts);
    }

    /// <summary>Handles whose server has <c>track_counts</c> off: their cascades run the locking plan.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RelGenDatabase, RelGenDatabase> NoCascadeCounts = new();

    private static bool CountsCascades(RelGenDatabase database) => !NoCascadeCounts.TryGetValue(database, out _);

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
        var lease = await database.AcquireAsync(DatabaseOperation.Delete, model, cancellationToken).ConfigureAwait(false);
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
