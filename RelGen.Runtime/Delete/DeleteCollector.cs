using Npgsql;
using RelGen.Execution;
using RelGen.Metadata;

namespace RelGen.Delete;

/// <summary>
/// Django's Collector: walks reverse relations from the seed rows and applies each on-delete rule. Keys are gathered per
/// model in typed <see cref="KeySet"/>s, so nothing is boxed and membership is a hash lookup. Every collected row is locked
/// as it is read (top down, in key order), so no row can join or leave the collected set before the deletes run, and the
/// deletes remove exactly the collected keys, in dependency order (<see cref="DeleteOrder"/>), in one batch.
/// </summary>
internal sealed class DeleteCollector(ConnectionLease lease)
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
                        var sql = $"SELECT {child.Key.QuotedName} FROM {child.QuotedTable} WHERE {relation.Column.QuotedName} = ANY($1) ORDER BY {child.Key.QuotedName} FOR UPDATE";
                        var fresh = await ReadKeysAsync(child, sql, p => p.Add(keys.ToParameter()), cancellationToken).ConfigureAwait(false);
                        if (fresh.Count > 0)
                            queue.Enqueue((child, fresh));
                        break;
                    case OnDelete.Protect:
                    case OnDelete.Restrict:
                        var blocking = await relation.ReadBlockingAsync(lease.Database, lease, keys, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// One batch: the set-null and set-default updates, then each model's deletes in dependency order: the collected keys
    /// (counted as collected: the rows are locked, so this operation removes each of them, whether by its own statement or
    /// by a foreign key's cascade within it), then the fast deletes of rows nothing else points at (counted from their
    /// command tags).
    /// </summary>
    public async Task<DeleteResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (_order.All(m => _collected[m].Count == 0))
            return new DeleteResult(counts);
        await using var batch = lease.CreateBatch();
        foreach (var (relation, parentKeys) in _updates)
        {
            var value = relation.OnDelete == OnDelete.SetNull ? "NULL" : "DEFAULT";
            Add(batch, $"UPDATE {relation.Source.QuotedTable} SET {relation.Column.QuotedName} = {value} WHERE {relation.Column.QuotedName} = ANY($1)", parentKeys);
        }
        var fastCommands = new List<(NpgsqlBatchCommand Command, ModelDescriptor Model)>();
        var models = new List<ModelDescriptor>(_order);
        foreach (var (relation, _) in _fastDeletes)
        {
            if (!models.Contains(relation.Source))
                models.Add(relation.Source);
        }
        foreach (var step in DeleteOrder.Sort(models, m => _collected.TryGetValue(m, out var k) && k.Count > 0))
        {
            foreach (var relation in step.NullFirst)
                AddNullFirst(batch, relation);
            var model = step.Model;
            if (_collected.TryGetValue(model, out var keys) && keys.Count > 0)
            {
                Add(batch, DeleteSql.For(model).DeleteKeys, keys);
                counts[model.Name] = counts.GetValueOrDefault(model.Name) + keys.Count;
            }
            // After the keyed delete, so a row deleted by both is counted once.
            foreach (var (relation, parentKeys) in _fastDeletes)
            {
                if (relation.Source == model)
                    fastCommands.Add((Add(batch, $"DELETE FROM {model.QuotedTable} WHERE {relation.Column.QuotedName} = ANY($1)", parentKeys), model));
            }
        }
        await lease.ExecuteNonQueryAsync(batch, cancellationToken).ConfigureAwait(false);
        foreach (var (command, model) in fastCommands)
        {
            if (command.RecordsAffected > 0)
                counts[model.Name] = counts.GetValueOrDefault(model.Name) + command.RecordsAffected;
        }
        return new DeleteResult(counts);
    }

    private static NpgsqlBatchCommand Add(NpgsqlBatch batch, string sql, KeySet keys)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(keys.ToParameter());
        batch.BatchCommands.Add(command);
        return command;
    }

    /// <summary>Sets <paramref name="relation"/>'s key to NULL on the rows of its source this delete removes, to break a cycle.</summary>
    private void AddNullFirst(NpgsqlBatch batch, RelationDescriptor relation)
    {
        var child = relation.Source;
        var set = $"UPDATE {child.QuotedTable} SET {relation.Column.QuotedName} = NULL WHERE ";
        if (_collected.TryGetValue(child, out var keys) && keys.Count > 0)
            Add(batch, set + $"{child.Key.QuotedName} = ANY($1)", keys);
        foreach (var (fast, parentKeys) in _fastDeletes)
        {
            if (fast.Source == child)
                Add(batch, set + $"{fast.Column.QuotedName} = ANY($1)", parentKeys);
        }
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
        await using var command = lease.CreateCommand(sql);
        bind(command.Parameters);
        await using var reader = await lease.ExecuteReaderAsync(command, cancellationToken).ConfigureAwait(false);
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
