using System.Collections.Concurrent;
using Npgsql;
using RelGen.Execution;
using RelGen.Metadata;
using RelGen.Save;

namespace RelGen.Query;

/// <summary>The writes of reverse managers; each is atomic and moves saved objects in one UPDATE, its SQL built once per relation.</summary>
internal static class ManagerWrites
{
    private static readonly ConcurrentDictionary<RelationDescriptor, Statements> ByRelation = new();

    public static async Task AddAsync<TOwner, T>(RelGenDatabase database, TOwner owner, RelationDescriptor<T, TOwner> relation, List<T> objects,
        CancellationToken cancellationToken)
        where TOwner : class, IModel<TOwner>
        where T : class, IModel<T>
    {
        if (objects.Count == 0)
            return;
        var model = T.RelGenModel;
        var (saved, unsaved) = Attach(model, owner, relation, objects);
        // One UPDATE moves every saved object and is atomic alone; a transaction is needed only for more statements.
        var statements = (saved.Count > 0 ? 1 : 0) + unsaved.Count;
        await RunAsync(database, statements > 1, async lease =>
        {
            if (saved.Count > 0)
            {
                await using var update = database.CreateCommand(lease, For(relation).Move);
                TOwner.RelGenModel.AddKeyParameter(owner, update.Parameters);
                update.Parameters.Add(model.KeyArrayParameter(saved));
                await ExecuteAsync(lease, model, update, saved, cancellationToken).ConfigureAwait(false);
            }
            foreach (var item in unsaved)
                await Saver.SaveOnAsync(database, lease, item, Saver.AllColumns(model), cancellationToken).ConfigureAwait(false);
        }, model.Name, cancellationToken).ConfigureAwait(false);
        AcceptKeys(relation, saved);
    }

    public static async Task RemoveAsync<TOwner, T>(RelGenDatabase database, TOwner owner, RelationDescriptor<T, TOwner> relation, List<T> objects,
        CancellationToken cancellationToken)
        where TOwner : class, IModel<TOwner>
        where T : class, IModel<T>
    {
        var model = T.RelGenModel;
        foreach (var item in objects)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(objects));
            // Django raises the owner model's DoesNotExist here, before any write.
            if (!model.HasKey(item) || !relation.PointsAt(item, owner))
                throw new DoesNotExistException(TOwner.RelGenModel.Name, $"{model.Name} '{item}' is not related to {TOwner.RelGenModel.Name} '{owner}'; nothing was removed.");
        }
        if (objects.Count == 0)
            return;
        await RunAsync(database, multiple: false, async lease =>
        {
            await using var update = database.CreateCommand(lease, For(relation).Detach);
            TOwner.RelGenModel.AddKeyParameter(owner, update.Parameters);
            update.Parameters.Add(model.KeyArrayParameter(objects));
            await ExecuteAsync(lease, model, update, objects, cancellationToken).ConfigureAwait(false);
        }, model.Name, cancellationToken).ConfigureAwait(false);
        foreach (var item in objects)
            relation.Assign(item, null);
        AcceptKeys(relation, objects);
    }

    public static Task ClearAsync<TOwner, T>(RelGenDatabase database, TOwner owner, RelationDescriptor<T, TOwner> relation, CancellationToken cancellationToken)
        where TOwner : class, IModel<TOwner>
        where T : class, IModel<T>
        => RunAsync(database, multiple: false, async lease =>
        {
            await using var update = database.CreateCommand(lease, For(relation).DetachAll);
            TOwner.RelGenModel.AddKeyParameter(owner, update.Parameters);
            await lease.ExecuteNonQueryAsync(update, cancellationToken).ConfigureAwait(false);
        }, T.RelGenModel.Name, cancellationToken);

    /// <summary>
    /// Django's <c>set()</c> on a nullable relation: the saved objects listed are attached and every other object of the
    /// owner detached, in one UPDATE that touches only rows that change; unsaved objects are then inserted pointing at
    /// the owner (in one transaction with the UPDATE).
    /// </summary>
    public static async Task SetAsync<TOwner, T>(RelGenDatabase database, TOwner owner, RelationDescriptor<T, TOwner> relation, List<T> objects,
        CancellationToken cancellationToken)
        where TOwner : class, IModel<TOwner>
        where T : class, IModel<T>
    {
        var model = T.RelGenModel;
        var (saved, unsaved) = Attach(model, owner, relation, objects);
        await RunAsync(database, unsaved.Count > 0, async lease =>
        {
            await using (var update = database.CreateCommand(lease, For(relation).Set))
            {
                TOwner.RelGenModel.AddKeyParameter(owner, update.Parameters);
                update.Parameters.Add(model.KeyArrayParameter(saved));
                await ExecuteAsync(lease, model, update, saved, cancellationToken).ConfigureAwait(false);
            }
            foreach (var item in unsaved)
                await Saver.SaveOnAsync(database, lease, item, Saver.AllColumns(model), cancellationToken).ConfigureAwait(false);
        }, model.Name, cancellationToken).ConfigureAwait(false);
        AcceptKeys(relation, saved);
    }

    /// <summary>
    /// Runs a manager UPDATE. With a version it moved every row it changed to the next version and returned them: the listed
    /// objects take those versions, so their next save does not look stale to itself.
    /// </summary>
    private static async Task ExecuteAsync<T>(ConnectionLease lease, ModelDescriptor<T> model, NpgsqlCommand update, IReadOnlyList<T> objects,
        CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        if (model.Version is null)
        {
            await lease.ExecuteNonQueryAsync(update, cancellationToken).ConfigureAwait(false);
            return;
        }
        await using var reader = await lease.ExecuteReaderAsync(update, cancellationToken).ConfigureAwait(false);
        await model.ReadVersionsAsync(objects, reader, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Points every object at the owner in memory and checks it; splits them into saved and unsaved ones.</summary>
    private static (List<T> Saved, List<T> Unsaved) Attach<TOwner, T>(ModelDescriptor<T> model, TOwner owner, RelationDescriptor<T, TOwner> relation, List<T> objects)
        where TOwner : class, IModel<TOwner>
        where T : class, IModel<T>
    {
        var saved = new List<T>();
        var unsaved = new List<T>();
        foreach (var item in objects)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(objects));
            relation.Assign(item, owner);
            Saver.Validate(model, item);
            (model.Context(item) is not null ? saved : unsaved).Add(item);
        }
        return (saved, unsaved);
    }

    /// <summary>The key column now holds what the objects say: only that column's change is accepted (other edits stay unsaved).</summary>
    private static void AcceptKeys<TOwner, T>(RelationDescriptor<T, TOwner> relation, List<T> objects)
        where TOwner : class, IModel<TOwner>
        where T : class, IModel<T>
    {
        var model = T.RelGenModel;
        var column = (ColumnDescriptor<T>)relation.Column;
        foreach (var item in objects)
            model.AcceptChange(item, column);
    }

    /// <summary>Runs <paramref name="work"/> on one connection, in a transaction when it writes more than once and none is ambient.</summary>
    private static async Task RunAsync(RelGenDatabase database, bool multiple, Func<ConnectionLease, Task> work, string model, CancellationToken cancellationToken)
    {
        if (!multiple || database.InTransaction)
        {
            await OnConnectionAsync(database, work, model, cancellationToken).ConfigureAwait(false);
            return;
        }
        var transaction = await database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await OnConnectionAsync(database, work, model, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task OnConnectionAsync(RelGenDatabase database, Func<ConnectionLease, Task> work, string model, CancellationToken cancellationToken)
    {
        var lease = await database.AcquireAsync(DatabaseOperation.Update, model, cancellationToken).ConfigureAwait(false);
        try
        {
            await work(lease).ConfigureAwait(false);
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

    private static Statements For(RelationDescriptor relation) => ByRelation.GetOrAdd(relation, static r => new Statements(r));

    /// <summary>
    /// A relation's manager statements; <c>$1</c> is the owner's key, <c>$2</c> the objects' keys. A versioned model's rows
    /// also move to their next version, and the statements that list objects return (key, version).
    /// </summary>
    private sealed class Statements
    {
        public Statements(RelationDescriptor relation)
        {
            var table = relation.Source.QuotedTable;
            var fk = relation.Column.QuotedName;
            var key = relation.Source.Key.QuotedName;
            var version = relation.Source.Version?.QuotedName;
            var bump = version is null ? "" : $", {version} = {version} + 1";
            var returning = version is null ? "" : $" RETURNING {key}, {version}";
            Move = $"UPDATE {table} SET {fk} = $1{bump} WHERE {key} = ANY($2){returning}";
            Detach = $"UPDATE {table} SET {fk} = NULL{bump} WHERE {fk} = $1 AND {key} = ANY($2){returning}";
            DetachAll = $"UPDATE {table} SET {fk} = NULL{bump} WHERE {fk} = $1";
            Set = $"UPDATE {table} SET {fk} = CASE WHEN {key} = ANY($2) THEN $1 END{bump} "
                + $"WHERE ({fk} = $1 AND NOT ({key} = ANY($2))) OR ({key} = ANY($2) AND {fk} IS DISTINCT FROM $1){returning}";
        }

        public string Move { get; }
        public string Detach { get; }
        public string DetachAll { get; }
        public string Set { get; }
    }
}
