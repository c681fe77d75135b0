using Npgsql;
using RelGen.Execution;
using RelGen.Metadata;

namespace RelGen.Save;

/// <summary>
/// Inserts many objects in as few round trips as possible. Small batches: one multi-row INSERT that returns the identity
/// keys in row order. Large batches go through binary COPY, written asynchronously so a buffer flush never blocks a thread:
/// from <see cref="AssignedKeysThreshold"/> rows the database assigns the identity keys as the COPY reads the rows, and
/// the sequence's values around the COPY prove which (<see cref="CopyWithAssignedKeysAsync"/>); below that, or when
/// another session drew from the sequence meanwhile, the keys are taken from the sequence first (one query) and copied
/// with the rows. Either way each object ends up with its key, and the insert is atomic.
/// </summary>
internal static class BulkInserter
{
    /// <summary>Up to this many rows a multi-row INSERT beats COPY's fixed cost.</summary>
    internal const int CopyThreshold = 200;

    /// <summary>
    /// From this many rows a COPY lets the database assign identity keys: it saves returning and reading one row per key,
    /// and costs two small statements and a transaction (or savepoint) more.
    /// </summary>
    internal const int AssignedKeysThreshold = 2_000;

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
        if (list.Count >= AssignedKeysThreshold && ModelSql.For(model).CopyInWithoutKey.Length > 0
            && await CopyWithAssignedKeysAsync(database, model, list, cancellationToken).ConfigureAwait(false))
        {
            Accept(database, model, list);
            return;
        }
        var lease = await database.AcquireAsync(DatabaseOperation.BulkCreate, model, cancellationToken).ConfigureAwait(false);
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
            // Identity keys reserved before a COPY that wrote nothing are taken back, so that no object claims a row that does
            // not exist; when the outcome is unknown (the connection was lost before the commit was confirmed) they stay, to
            // look the rows up by.
            if (model.Key.IsIdentity && error is not TransactionOutcomeUnknownException)
            {
                foreach (var entity in list)
                    model.ResetKey(entity);
            }
            throw error;
        }
        finally
        {
            await lease.DisposeAsync().ConfigureAwait(false);
        }
        Accept(database, model, list);
    }

    private static void Accept<T>(RelGenDatabase database, ModelDescriptor<T> model, IReadOnlyList<T> list)
        where T : class, IModel<T>
    {
        foreach (var entity in list)
        {
            model.Context(entity) ??= database.DefaultContext;
            model.AcceptChanges(entity);
        }
    }

    /// <summary>
    /// The COPY without the identity key, in a transaction of its own (a savepoint inside the caller's): the database
    /// assigns each row's key from the sequence as it reads the rows, in order. This session draws one value just before
    /// (<c>nextval</c>) and reads the last it drew just after (<c>currval</c>); a session's values rise, so the rows hold
    /// distinct values above the first, up to the last. When the two differ by exactly the row count no other session
    /// drew a value in between, and row <c>i</c> holds first + 1 + <c>i</c>: the keys are proven, committed, then given to
    /// the objects. Otherwise (another session inserted meanwhile) the COPY is rolled back and false returned: the caller
    /// reserves the keys first.
    /// </summary>
    private static async Task<bool> CopyWithAssignedKeysAsync<T>(RelGenDatabase database, ModelDescriptor<T> model, IReadOnlyList<T> list,
        CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        long first;
        try
        {
            first = await Atomic.RunAsync(database, async () =>
            {
                var lease = await database.AcquireAsync(DatabaseOperation.BulkCreate, model, cancellationToken).ConfigureAwait(false);
                try
                {
                    var sql = ModelSql.For(model);
                    var before = await ScalarAsync(database, lease, sql.NextKey, cancellationToken).ConfigureAwait(false);
                    await WriteRowsAsync(lease, sql.CopyInWithoutKey, model, list, withKey: false, cancellationToken).ConfigureAwait(false);
                    var last = await ScalarAsync(database, lease, sql.LastKey, cancellationToken).ConfigureAwait(false);
                    if (last - before != list.Count)
                        throw new KeysInterleavedException();
                    return before + 1;
                }
                catch (Exception e) when (e is not KeysInterleavedException && lease.Translate(e, cancellationToken) is { } error)
                {
                    throw error;
                }
                finally
                {
                    await lease.DisposeAsync().ConfigureAwait(false);
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (KeysInterleavedException)
        {
            return false;
        }
        model.SetSequentialKeys(list, first);
        return true;
    }

    private static async Task<long> ScalarAsync(RelGenDatabase database, ConnectionLease lease, string sql, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(lease, sql);
        await using var reader = await lease.ExecutePreparedReaderAsync(command, cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return reader.GetInt64(0);
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
        await WriteRowsAsync(lease, sql.CopyIn, model, list, withKey: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One binary COPY of the objects' columns, the identity key only <paramref name="withKey"/>.</summary>
    private static async Task WriteRowsAsync<T>(ConnectionLease lease, string copySql, ModelDescriptor<T> model, IReadOnlyList<T> list, bool withKey,
        CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        var importer = await lease.BeginBinaryImportAsync(copySql, cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            var columns = model.TypedColumns;
            foreach (var entity in list)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                foreach (var column in columns)
                {
                    if (withKey || !column.IsIdentity)
                        await column.WriteAsync(entity, importer, cancellationToken).ConfigureAwait(false);
                }
            }
            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
