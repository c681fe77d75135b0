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
/// collected, Protect/Restrict are checked, then all updates and deletes go in one batch.
/// </summary>
internal static class Deleter
{
    public static async ValueTask<DeleteResult> DeleteEntityAsync<T>(RelGenDatabase database, T entity, bool async, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(entity);
        var meta = T.Meta;
        if (!meta.IsSaved(entity))
            throw new InvalidOperationException($"{meta.ClassName} object ('{entity}') can't be deleted because its {meta.Key.Property} is not set.");
        var sql = ModelSql.For(meta).LockKeys;
        var result = await RunAsync(database, meta, sql, p => p.Add(meta.CreateKeyArrayParameter([meta.GetKey(entity)])), async, cancellationToken).ConfigureAwait(false);
        meta.ResetKey(entity);
        ((IModel)entity).RelGenDatabase = null;
        return result;
    }

    public static ValueTask<DeleteResult> DeleteQueryAsync(RelGenDatabase database, QueryState state, bool async, CancellationToken cancellationToken)
    {
        var model = state.Model;
        var keys = new System.Text.StringBuilder();
        QueryCompiler.WriteQuery(keys, state, QueryKind.Keys, new SqlCounters());
        var sql = $"SELECT {model.Key.QuotedColumn} FROM {model.QuotedTable} WHERE {model.Key.QuotedColumn} IN ({keys}) FOR UPDATE";
        return RunAsync(database, model, sql, state.AddParameters, async, cancellationToken);
    }

    private static async ValueTask<DeleteResult> RunAsync(RelGenDatabase database, ModelMeta model, string seedSql,
        Action<NpgsqlParameterCollection> bindSeed, bool async, CancellationToken cancellationToken)
    {
        var lease = await database.AcquireAsync(async, cancellationToken).ConfigureAwait(false);
        NpgsqlTransaction? own = null;
        try
        {
            if (lease.Ambient is null)
                own = async ? await lease.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : lease.Connection.BeginTransaction();
            var collector = new DeleteCollector(database, lease, async);
            await collector.CollectAsync(model, seedSql, bindSeed, cancellationToken).ConfigureAwait(false);
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
}
