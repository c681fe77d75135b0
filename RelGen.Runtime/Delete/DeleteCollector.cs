using Npgsql;
using RelGen.Execution;
using RelGen.Metadata;
using RelGen.Save;

namespace RelGen.Delete;

/// <summary>
/// Django's Collector: walks reverse relations from the seed rows and applies each on-delete rule. Keys are gathered per
/// model in typed <see cref="KeySet"/>s, so nothing is boxed and membership is a hash lookup.
/// </summary>
internal sealed class DeleteCollector(RelGenDatabase database, ConnectionLease lease)
{
    private readonly Dictionary<ModelDescriptor, KeySet> _collected = [];
    private readonly List<ModelDescriptor> _order = [];
    private readonly List<(RelationDescriptor Relation, KeySet ParentKeys)> _updates = [];
    private readonly List<(RelationDescriptor Relation, KeySet ParentKeys)> _fastDeletes = [];
    private readonly List<(RelationDescriptor Relation, List<object> Objects)> _protected = [];
    private readonly List<(RelationDescriptor Relation, List<object> Objects)> _restricted = [];

    public async Task CollectAsync(ModelDescriptor model, string seedSql, Action<NpgsqlParameterCollection> bindSeed, CancellationToken cancellationToken)
    {
        var seed = await ReadKeysAsync(model, seedSql, bindSeed, cancellationToken).ConfigureAwait(false);
        var queue = new Queue<(ModelDescriptor, KeySet)>();
        if (seed.Count > 0)
            queue.Enqueue((model, seed));
        while (queue.Count > 0)
        {
            var (parent, keys) = queue.Dequeue();
            foreach (var relation in parent.ReverseRelations)
            {
                var child = relation.Source;
                switch (relation.OnDelete)
                {
                    case OnDelete.Cascade when CanFastDelete(child):
                        // Django's fast delete: rows nothing points at need no collecting; the batch deletes them by their
                        // key column. The parents are locked, so no such row can appear meanwhile and the count is exact.
                        _fastDeletes.Add((relation, keys));
                        break;
                    case OnDelete.Cascade:
                        var sql = $"SELECT {child.Key.QuotedName} FROM {child.QuotedTable} WHERE {relation.Column.QuotedName} = ANY($1) FOR UPDATE";
                        var fresh = await ReadKeysAsync(child, sql, p => p.Add(keys.ToParameter()), cancellationToken).ConfigureAwait(false);
                        if (fresh.Count > 0)
                            queue.Enqueue((child, fresh));
                        break;
                    case OnDelete.Protect:
                    case OnDelete.Restrict:
                        var blocking = await relation.ReadBlockingAsync(database, lease, keys, cancellationToken).ConfigureAwait(false);
                        if (blocking.Count > 0)
                            (relation.OnDelete == OnDelete.Protect ? _protected : _restricted).Add((relation, blocking));
                        break;
                    case OnDelete.SetNull:
                    case OnDelete.SetDefault:
                        _updates.Add((relation, keys));
                        break;
                }
            }
        }
        if (_protected.Count > 0)
            ThrowProtected(model);
        var stillRestricted = new List<(RelationDescriptor, object)>();
        foreach (var (relation, objects) in _restricted)
        {
            _collected.TryGetValue(relation.Source, out var deleted);
            foreach (var item in objects)
            {
                var cascaded = (deleted is not null && relation.Source.KeyIn(item, deleted)) || IsFastDeleted(relation.Source, item);
                if (!cascaded)
                    stillRestricted.Add((relation, item));
            }
        }
        if (stillRestricted.Count > 0)
            ThrowRestricted(model, stillRestricted);
    }

    public async Task<DeleteResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (_order.All(m => _collected[m].Count == 0))
            return new DeleteResult(counts);
        await using var batch = new NpgsqlBatch(lease.Connection, lease.Transaction);
        foreach (var (relation, parentKeys) in _updates)
        {
            var value = relation.OnDelete == OnDelete.SetNull ? "NULL" : "DEFAULT";
            var command = new NpgsqlBatchCommand($"UPDATE {relation.Source.QuotedTable} SET {relation.Column.QuotedName} = {value} WHERE {relation.Column.QuotedName} = ANY($1)");
            command.Parameters.Add(parentKeys.ToParameter());
            batch.BatchCommands.Add(command);
        }
        // Before any collected delete: deleting a parent first would let the database's own ON DELETE CASCADE take
        // these rows, uncounted.
        var firstFast = batch.BatchCommands.Count;
        foreach (var (relation, parentKeys) in _fastDeletes)
        {
            var command = new NpgsqlBatchCommand($"DELETE FROM {relation.Source.QuotedTable} WHERE {relation.Column.QuotedName} = ANY($1)");
            command.Parameters.Add(parentKeys.ToParameter());
            batch.BatchCommands.Add(command);
        }
        // Children first; the rows are locked, so the counts are the collected keys.
        for (var i = _order.Count - 1; i >= 0; i--)
        {
            var model = _order[i];
            var keys = _collected[model];
            if (keys.Count == 0)
                continue;
            var command = new NpgsqlBatchCommand(ModelSql.For(model).DeleteKeys);
            command.Parameters.Add(keys.ToParameter());
            batch.BatchCommands.Add(command);
            counts[model.Name] = counts.GetValueOrDefault(model.Name) + keys.Count;
        }
        database.Log.Batch(batch);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < _fastDeletes.Count; i++)
        {
            var deleted = batch.BatchCommands[firstFast + i].RecordsAffected;
            if (deleted > 0)
            {
                var name = _fastDeletes[i].Relation.Source.Name;
                counts[name] = counts.GetValueOrDefault(name) + deleted;
            }
        }
        return new DeleteResult(counts);
    }

    /// <summary>
    /// True when deleting <paramref name="model"/>'s rows needs nothing else: no relation points at it but
    /// <see cref="OnDelete.DoNothing"/> ones (Django's <c>can_fast_delete</c>, signals aside).
    /// </summary>
    public static bool CanFastDelete(ModelDescriptor model)
    {
        foreach (var relation in model.ReverseRelations)
        {
            if (relation.OnDelete != OnDelete.DoNothing)
                return false;
        }
        return true;
    }

    /// <summary>True when a fast delete of this operation takes <paramref name="item"/> (its key column holds a deleted parent's key).</summary>
    private bool IsFastDeleted(ModelDescriptor model, object item)
    {
        foreach (var (relation, parentKeys) in _fastDeletes)
        {
            if (relation.Source == model && relation.PointsInto(item, parentKeys))
                return true;
        }
        return false;
    }

    /// <summary>Reads keys of <paramref name="model"/> and adds them; returns the ones not collected before.</summary>
    private async Task<KeySet> ReadKeysAsync(ModelDescriptor model, string sql, Action<NpgsqlParameterCollection> bind, CancellationToken cancellationToken)
    {
        if (!_collected.TryGetValue(model, out var collected))
        {
            collected = model.CreateKeySet();
            _collected[model] = collected;
            _order.Add(model);
        }
        await using var command = database.CreateCommand(lease, sql);
        bind(command.Parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await collected.ReadNewAsync(reader, 0, cancellationToken).ConfigureAwait(false);
    }

    private void ThrowProtected(ModelDescriptor model)
    {
        var names = string.Join(", ", _protected.Select(p => $"'{p.Relation}'").Distinct());
        var objects = _protected.SelectMany(p => p.Objects).ToList();
        throw new ProtectedException(
            $"Cannot delete some instances of model '{model.Name}' because they are referenced through protected foreign keys: {names}. Blocking: {Describe(objects)}.",
            objects);
    }

    private static void ThrowRestricted(ModelDescriptor model, List<(RelationDescriptor Relation, object Item)> blocking)
    {
        var names = string.Join(", ", blocking.Select(p => $"'{p.Relation}'").Distinct());
        var objects = blocking.Select(b => b.Item).ToList();
        throw new RestrictedException(
            $"Cannot delete some instances of model '{model.Name}' because they are referenced through restricted foreign keys: {names}. Blocking: {Describe(objects)}.",
            objects);
    }

    private static string Describe(List<object> objects)
        => string.Join(", ", objects.Take(10).Select(o => $"{o.GetType().Name} '{o}'")) + (objects.Count > 10 ? $" and {objects.Count - 10} more" : "");
}
