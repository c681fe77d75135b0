using Npgsql;
using RelGen.Execution;
using RelGen.Metadata;

namespace RelGen.Save;

/// <summary>
/// Inserts many objects in as few round trips as possible. Small batches: one multi-row INSERT that returns the identity
/// keys in row order. Large batches: the keys are taken from the identity's sequence first (one query), then every row
/// goes through binary COPY, written asynchronously so a buffer flush never blocks a thread. Either way each object ends
/// up with its key, and the insert is one atomic statement.
/// </summary>
internal static class BulkInserter
{
    /// <summary>Up to this many rows a multi-row INSERT beats COPY's fixed cost.</summary>
    internal const int CopyThreshold = 200;

    private const int MaxParameters = 32_000;

    public static async Task BulkCreateAsync<T>(RelGenDatabase database, IEnumerable<T> entities, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(entities);
        var list = entities as IReadOnlyList<T> ?? entities.ToList();
        if (list.Count == 0)
            return;
        var model = T.RelGenModel;
        foreach (var entity in list)
        {
            ArgumentNullException.ThrowIfNull(entity, nameof(entities));
            Saver.Validate(model, entity);
            if (!model.Key.IsIdentity && !model.HasKey(entity))
                model.AssignNewKey(entity);
        }
        var lease = await database.AcquireAsync(DatabaseOperation.BulkCreate, model.Name, cancellationToken).ConfigureAwait(false);
        try
        {
            var written = model.Columns.Count - (model.Key.IsIdentity ? 1 : 0);
            if (list.Count <= CopyThreshold && list.Count * written <= MaxParameters)
                await InsertRowsAsync(database, lease, model, list, cancellationToken).ConfigureAwait(false);
            else
                await CopyAsync(database, lease, model, list, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (lease.Translate(e, cancellationToken) is { } error)
        {
            throw error;
        }
        finally
        {
            await lease.DisposeAsync().ConfigureAwait(false);
        }
        foreach (var entity in list)
        {
            model.Context(entity) ??= database.DefaultContext;
            model.AcceptChanges(entity);
        }
    }

    private static async Task InsertRowsAsync<T>(RelGenDatabase database, ConnectionLease lease, ModelDescriptor<T> model, IReadOnlyList<T> list,
        CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        await using var command = database.CreateCommand(lease, ModelSql.For(model).InsertRows(list.Count));
        foreach (var entity in list)
        {
            foreach (var column in model.TypedColumns)
            {
                if (!column.IsIdentity)
                    column.AddParameter(entity, command.Parameters);
            }
        }
        if (!model.Key.IsIdentity)
        {
            await lease.ExecuteNonQueryAsync(command, cancellationToken).ConfigureAwait(false);
            return;
        }
        await using var reader = await lease.ExecuteReaderAsync(command, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < list.Count; i++)
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            model.ReadKey(list[i], reader, 0);
        }
    }

    private static async Task CopyAsync<T>(RelGenDatabase database, ConnectionLease lease, ModelDescriptor<T> model, IReadOnlyList<T> list,
        CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        var sql = ModelSql.For(model);
        if (model.Key.IsIdentity)
        {
            await using var reserve = database.CreateCommand(lease, sql.ReserveKeys);
            reserve.Parameters.Add(new NpgsqlParameter<int> { TypedValue = list.Count });
            await using var keys = await lease.ExecuteReaderAsync(reserve, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < list.Count; i++)
            {
                await keys.ReadAsync(cancellationToken).ConfigureAwait(false);
                model.ReadKey(list[i], keys, 0);
            }
        }
        var importer = await lease.BeginBinaryImportAsync(sql.CopyIn, cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            var columns = model.TypedColumns;
            foreach (var entity in list)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                foreach (var column in columns)
                    await column.WriteAsync(entity, importer, cancellationToken).ConfigureAwait(false);
            }
            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
