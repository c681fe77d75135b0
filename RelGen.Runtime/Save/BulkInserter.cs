using System.Runtime.CompilerServices;
using Npgsql;
using RelGen.Execution;

namespace RelGen.Save;

/// <summary>
/// Inserts many objects in as few round trips as possible. Small batches: one multi-row INSERT that
/// returns the identity keys in row order. Large batches: the keys are taken from the identity's
/// sequence first (one query), then every row goes through binary COPY. Either way each object ends
/// up with its key, and the insert is one atomic statement.
/// </summary>
internal static class BulkInserter
{
    /// <summary>Up to this many rows a multi-row INSERT beats COPY's fixed cost.</summary>
    internal const int CopyThreshold = 200;

    private const int MaxParameters = 32_000;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public static async ValueTask BulkCreateAsync<T>(RelGenDatabase database, IEnumerable<T> entities, bool async, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(entities);
        var list = entities as IReadOnlyList<T> ?? entities.ToList();
        if (list.Count == 0)
            return;
        var meta = T.Meta;
        foreach (var entity in list)
        {
            ArgumentNullException.ThrowIfNull(entity, nameof(entities));
            meta.PrepareSave(entity);
        }
        var lease = await database.AcquireAsync(async, cancellationToken).ConfigureAwait(false);
        try
        {
            var written = meta.Columns.Length - (meta.Key.IsIdentity ? 1 : 0);
            if (list.Count <= CopyThreshold && list.Count * written <= MaxParameters)
                await InsertRowsAsync(database, lease, list, async, cancellationToken).ConfigureAwait(false);
            else
                await CopyAsync(database, lease, list, async, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (Errors.IsIntegrityError(e))
        {
            throw new IntegrityException(e);
        }
        finally
        {
            await lease.DisposeAsync(async).ConfigureAwait(false);
        }
        foreach (var entity in list)
            ((IModel)entity).RelGenDatabase = database;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask InsertRowsAsync<T>(RelGenDatabase database, ConnectionLease lease, IReadOnlyList<T> list, bool async, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        var meta = T.Meta;
        await using var command = database.CreateCommand(lease, ModelSql.For(meta).InsertRows(meta, list.Count));
        foreach (var entity in list)
            meta.AddInsertParameters(entity, command.Parameters);
        if (!meta.Key.IsIdentity)
        {
            _ = async ? await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) : command.ExecuteNonQuery();
            return;
        }
        await using var reader = async ? await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false) : command.ExecuteReader();
        for (var i = 0; i < list.Count; i++)
        {
            _ = async ? await reader.ReadAsync(cancellationToken).ConfigureAwait(false) : reader.Read();
            meta.ReadKey(list[i], reader, 0);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask CopyAsync<T>(RelGenDatabase database, ConnectionLease lease, IReadOnlyList<T> list, bool async, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        var meta = T.Meta;
        var sql = ModelSql.For(meta);
        if (meta.Key.IsIdentity)
        {
            await using var reserve = database.CreateCommand(lease, sql.ReserveKeys);
            reserve.Parameters.Add(new NpgsqlParameter<int> { TypedValue = list.Count });
            await using var keys = async ? await reserve.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false) : reserve.ExecuteReader();
            for (var i = 0; i < list.Count; i++)
            {
                _ = async ? await keys.ReadAsync(cancellationToken).ConfigureAwait(false) : keys.Read();
                meta.ReadKey(list[i], keys, 0);
            }
        }
        database.Log.Command(sql.CopyIn);
        var importer = async
            ? await lease.Connection.BeginBinaryImportAsync(sql.CopyIn, cancellationToken).ConfigureAwait(false)
            : lease.Connection.BeginBinaryImport(sql.CopyIn);
        await using (importer.ConfigureAwait(false))
        {
            foreach (var entity in list)
            {
                if (async)
                    await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                else
                    importer.StartRow();
                meta.WriteRow(entity, importer);
            }
            _ = async ? await importer.CompleteAsync(cancellationToken).ConfigureAwait(false) : importer.Complete();
        }
    }
}
