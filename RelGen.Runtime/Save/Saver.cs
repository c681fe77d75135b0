using System.Runtime.CompilerServices;
using Npgsql;
using RelGen.Execution;

namespace RelGen.Save;

/// <summary>INSERT when unsaved, else UPDATE; values are checked before anything is sent.</summary>
internal static class Saver
{
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public static async ValueTask SaveAsync<T>(RelGenDatabase database, T entity, bool async, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(entity);
        var meta = T.Meta;
        meta.PrepareSave(entity);
        var lease = await database.AcquireAsync(async, cancellationToken).ConfigureAwait(false);
        try
        {
            await SaveOnAsync(database, lease, entity, async, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Saves on a connection the caller holds; <see cref="Schema.ModelMeta{T}.PrepareSave"/> has run.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    internal static async ValueTask SaveOnAsync<T>(RelGenDatabase database, ConnectionLease lease, T entity, bool async, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        var meta = T.Meta;
        var sql = ModelSql.For(meta);
        if (meta.IsSaved(entity))
        {
            await using var update = database.CreateCommand(lease, sql.Update);
            meta.AddUpdateParameters(entity, update.Parameters);
            await RelGenDatabase.PrepareAsync(update, async, cancellationToken).ConfigureAwait(false);
            var rows = async ? await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) : update.ExecuteNonQuery();
            if (rows == 0)
            {
                // Django: a key that is set but not in the table is inserted with that key.
                await using var insertWithKey = database.CreateCommand(lease, sql.InsertWithKey);
                meta.AddAllParameters(entity, insertWithKey.Parameters);
                _ = async ? await insertWithKey.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) : insertWithKey.ExecuteNonQuery();
            }
        }
        else
        {
            await using var insert = database.CreateCommand(lease, sql.Insert);
            meta.AddInsertParameters(entity, insert.Parameters);
            await RelGenDatabase.PrepareAsync(insert, async, cancellationToken).ConfigureAwait(false);
            if (meta.Key.IsIdentity)
            {
                await using var reader = async ? await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false) : insert.ExecuteReader();
                _ = async ? await reader.ReadAsync(cancellationToken).ConfigureAwait(false) : reader.Read();
                meta.ReadKey(entity, reader, 0);
            }
            else
            {
                _ = async ? await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) : insert.ExecuteNonQuery();
            }
        }
        ((IModel)entity).RelGenDatabase = database;
    }
}
