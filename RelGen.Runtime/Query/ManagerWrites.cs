using Npgsql;
using RelGen.Execution;
using RelGen.Save;
using RelGen.Schema;

namespace RelGen.Query;

/// <summary>The writes of reverse managers; each is atomic and moves saved objects in one UPDATE.</summary>
internal static class ManagerWrites
{
    public static async ValueTask AddAsync<TOwner, T>(RelGenDatabase database, TOwner owner, RelationMeta relation, List<T> objects, bool async, CancellationToken cancellationToken)
        where TOwner : class, IModel<TOwner>
        where T : class, IModel<T>
    {
        if (objects.Count == 0)
            return;
        var meta = T.Meta;
        var saved = new List<T>();
        var unsaved = new List<T>();
        foreach (var item in objects)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(objects));
            meta.SetRelated(item, relation.Index, owner);
            meta.PrepareSave(item);
            (meta.IsSaved(item) ? saved : unsaved).Add(item);
        }
        // One UPDATE moves every saved object and is atomic alone; a transaction is needed only for more statements.
        var statements = (saved.Count > 0 ? 1 : 0) + unsaved.Count;
        await InTransactionAsync(database, async, statements > 1, async lease =>
        {
            if (saved.Count > 0)
            {
                await using var update = database.CreateCommand(lease,
                    $"UPDATE {relation.Source.QuotedTable} SET {relation.Column.QuotedColumn} = $1 WHERE {meta.Key.QuotedColumn} = ANY($2)");
                TOwner.Meta.AddKeyParameter(owner, update.Parameters);
                meta.AddKeyArrayParameter(saved, update.Parameters);
                _ = async ? await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) : update.ExecuteNonQuery();
            }
            foreach (var item in unsaved)
                await Saver.SaveOnAsync(database, lease, item, async, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public static async ValueTask RemoveAsync<TOwner, T>(RelGenDatabase database, TOwner owner, RelationMeta relation, List<T> objects, bool async, CancellationToken cancellationToken)
        where TOwner : class, IModel<TOwner>
        where T : class, IModel<T>
    {
        var meta = T.Meta;
        var ownerKey = TOwner.Meta.GetKey(owner);
        foreach (var item in objects)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(objects));
            // Django raises the owner model's DoesNotExist here, before any write.
            if (!meta.IsSaved(item) || !Equals(meta.GetRelationKey(item, relation.Index), ownerKey))
                throw new DoesNotExistException(TOwner.Meta.ClassName, $"{meta.ClassName} '{item}' is not related to {TOwner.Meta.ClassName} '{owner}'; nothing was removed.");
        }
        if (objects.Count == 0)
            return;
        await InTransactionAsync(database, async, multiple: false, async lease =>
        {
            await using var update = database.CreateCommand(lease,
                $"UPDATE {relation.Source.QuotedTable} SET {relation.Column.QuotedColumn} = NULL WHERE {relation.Column.QuotedColumn} = $1 AND {meta.Key.QuotedColumn} = ANY($2)");
            TOwner.Meta.AddKeyParameter(owner, update.Parameters);
            meta.AddKeyArrayParameter(objects, update.Parameters);
            _ = async ? await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) : update.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
        foreach (var item in objects)
            meta.SetRelated(item, relation.Index, null);
    }

    public static async ValueTask ClearAsync<TOwner, T>(RelGenDatabase database, TOwner owner, RelationMeta relation, bool async, CancellationToken cancellationToken)
        where TOwner : class, IModel<TOwner>
        where T : class, IModel<T>
    {
        await InTransactionAsync(database, async, multiple: false, async lease =>
        {
            await using var update = database.CreateCommand(lease,
                $"UPDATE {relation.Source.QuotedTable} SET {relation.Column.QuotedColumn} = NULL WHERE {relation.Column.QuotedColumn} = $1");
            TOwner.Meta.AddKeyParameter(owner, update.Parameters);
            _ = async ? await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) : update.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Django's <c>set()</c> on a nullable relation: the saved objects listed are attached and every other object of the
    /// owner detached, in one UPDATE that touches only rows that change; unsaved objects are then inserted pointing at
    /// the owner (in one transaction with the UPDATE).
    /// </summary>
    public static async ValueTask SetAsync<TOwner, T>(RelGenDatabase database, TOwner owner, RelationMeta relation, List<T> objects, bool async, CancellationToken cancellationToken)
        where TOwner : class, IModel<TOwner>
        where T : class, IModel<T>
    {
        var meta = T.Meta;
        var saved = new List<T>();
        var unsaved = new List<T>();
        foreach (var item in objects)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(objects));
            meta.SetRelated(item, relation.Index, owner);
            meta.PrepareSave(item);
            (meta.IsSaved(item) ? saved : unsaved).Add(item);
        }
        await InTransactionAsync(database, async, unsaved.Count > 0, async lease =>
        {
            var fk = relation.Column.QuotedColumn;
            var key = meta.Key.QuotedColumn;
            await using (var update = database.CreateCommand(lease,
                $"UPDATE {relation.Source.QuotedTable} SET {fk} = CASE WHEN {key} = ANY($2) THEN $1 END "
                + $"WHERE ({fk} = $1 AND NOT ({key} = ANY($2))) OR ({key} = ANY($2) AND {fk} IS DISTINCT FROM $1)"))
            {
                TOwner.Meta.AddKeyParameter(owner, update.Parameters);
                meta.AddKeyArrayParameter(saved, update.Parameters);
                _ = async ? await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) : update.ExecuteNonQuery();
            }
            foreach (var item in unsaved)
                await Saver.SaveOnAsync(database, lease, item, async, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="work"/> on one connection, in a transaction when it writes more than once and none is ambient.</summary>
    private static ValueTask InTransactionAsync(RelGenDatabase database, bool async, bool multiple, Func<ConnectionLease, Task> work, CancellationToken cancellationToken)
        => multiple
            ? AtomicAsync(database, () => OnConnectionAsync(database, async, work, cancellationToken).AsTask(), cancellationToken)
            : OnConnectionAsync(database, async, work, cancellationToken);

    private static async ValueTask OnConnectionAsync(RelGenDatabase database, bool async, Func<ConnectionLease, Task> work, CancellationToken cancellationToken)
    {
        var lease = await database.AcquireAsync(async, cancellationToken).ConfigureAwait(false);
        try
        {
            await work(lease).ConfigureAwait(false);
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

    /// <summary>Runs <paramref name="body"/> in the ambient transaction, or in a new one it commits.</summary>
    private static async ValueTask AtomicAsync(RelGenDatabase database, Func<Task> body, CancellationToken cancellationToken)
    {
        if (database.InTransaction)
        {
            await body().ConfigureAwait(false);
            return;
        }
        var transaction = await database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await body().ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
        }
    }
}
