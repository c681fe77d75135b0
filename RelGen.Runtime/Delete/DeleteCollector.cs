using Npgsql;
using RelGen.Execution;
using RelGen.Save;
using RelGen.Schema;

namespace RelGen.Delete;

/// <summary>Django's Collector: walks reverse relations from the seed rows and applies each on-delete rule.</summary>
internal sealed class DeleteCollector(RelGenDatabase database, ConnectionLease lease, bool async)
{
    private readonly Dictionary<ModelMeta, (List<object> Keys, HashSet<object> Seen)> _collected = [];
    private readonly List<ModelMeta> _order = [];
    private readonly List<(RelationMeta Relation, List<object> ParentKeys)> _updates = [];
    private readonly List<(RelationMeta Relation, List<object> ParentKeys)> _fastDeletes = [];
    private readonly List<(RelationMeta Relation, List<object> Objects)> _protected = [];
    private readonly List<(RelationMeta Relation, List<object> Objects)> _restricted = [];

    public async ValueTask CollectAsync(ModelMeta model, string seedSql, Action<NpgsqlParameterCollection> bindSeed, CancellationToken cancellationToken)
    {
        var seed = await ReadKeysAsync(seedSql, bindSeed, cancellationToken).ConfigureAwait(false);
        var queue = new Queue<(ModelMeta, List<object>)>();
        var added = Add(model, seed);
        if (added.Count > 0)
            queue.Enqueue((model, added));
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
                        var sql = $"SELECT {child.Key.QuotedColumn} FROM {child.QuotedTable} WHERE {relation.Column.QuotedColumn} = ANY($1) FOR UPDATE";
                        var childKeys = await ReadKeysAsync(sql, p => p.Add(parent.CreateKeyArrayParameter(keys)), cancellationToken).ConfigureAwait(false);
                        var fresh = Add(child, childKeys);
                        if (fresh.Count > 0)
                            queue.Enqueue((child, fresh));
                        break;
                    case OnDelete.Protect:
                    case OnDelete.Restrict:
                        var blocking = await ReadObjectsAsync(relation, parent, keys, cancellationToken).ConfigureAwait(false);
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
        var stillRestricted = new List<(RelationMeta, object)>();
        foreach (var (relation, objects) in _restricted)
        {
            _collected.TryGetValue(relation.Source, out var deleted);
            foreach (var item in objects)
            {
                var cascaded = (deleted.Seen is not null && deleted.Seen.Contains(relation.Source.GetKeyObject(item))) || IsFastDeleted(relation.Source, item);
                if (!cascaded)
                    stillRestricted.Add((relation, item));
            }
        }
        if (stillRestricted.Count > 0)
            ThrowRestricted(model, stillRestricted);
    }

    public async ValueTask<DeleteResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (_order.Count == 0)
            return new DeleteResult(counts);
        await using var batch = new NpgsqlBatch(lease.Connection, lease.Transaction);
        foreach (var (relation, parentKeys) in _updates)
        {
            var value = relation.OnDelete == OnDelete.SetNull ? "NULL" : "DEFAULT";
            var command = new NpgsqlBatchCommand($"UPDATE {relation.Source.QuotedTable} SET {relation.Column.QuotedColumn} = {value} WHERE {relation.Column.QuotedColumn} = ANY($1)");
            command.Parameters.Add(relation.Target.CreateKeyArrayParameter(parentKeys));
            batch.BatchCommands.Add(command);
        }
        // Before any collected delete: deleting a parent first would let the database's own ON DELETE CASCADE take
        // these rows, uncounted.
        var firstFast = batch.BatchCommands.Count;
        foreach (var (relation, parentKeys) in _fastDeletes)
        {
            var command = new NpgsqlBatchCommand($"DELETE FROM {relation.Source.QuotedTable} WHERE {relation.Column.QuotedColumn} = ANY($1)");
            command.Parameters.Add(relation.Target.CreateKeyArrayParameter(parentKeys));
            batch.BatchCommands.Add(command);
        }
        // Children first; the rows are locked, so the counts are the collected keys.
        for (var i = _order.Count - 1; i >= 0; i--)
        {
            var model = _order[i];
            var keys = _collected[model].Keys;
            var command = new NpgsqlBatchCommand(ModelSql.For(model).DeleteKeys);
            command.Parameters.Add(model.CreateKeyArrayParameter(keys));
            batch.BatchCommands.Add(command);
            counts[model.ClassName] = counts.GetValueOrDefault(model.ClassName) + keys.Count;
        }
        database.Log.Batch(batch);
        if (async)
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        else
            batch.ExecuteNonQuery();
        for (var i = 0; i < _fastDeletes.Count; i++)
        {
            var deleted = batch.BatchCommands[firstFast + i].RecordsAffected;
            if (deleted > 0)
            {
                var name = _fastDeletes[i].Relation.Source.ClassName;
                counts[name] = counts.GetValueOrDefault(name) + deleted;
            }
        }
        return new DeleteResult(counts);
    }

    /// <summary>
    /// True when deleting <paramref name="model"/>'s rows needs nothing else: no relation points at it but
    /// <see cref="OnDelete.DoNothing"/> ones (Django's <c>can_fast_delete</c>, signals aside).
    /// </summary>
    public static bool CanFastDelete(ModelMeta model)
    {
        foreach (var relation in model.ReverseRelations)
        {
            if (relation.OnDelete != OnDelete.DoNothing)
                return false;
        }
        return true;
    }

    /// <summary>True when a fast delete of this operation takes <paramref name="item"/> (its key column holds a deleted parent's key).</summary>
    private bool IsFastDeleted(ModelMeta model, object item)
    {
        foreach (var (relation, parentKeys) in _fastDeletes)
        {
            if (relation.Source == model && model.GetRelationKeyObject(item, relation.Index) is { } key && parentKeys.Contains(key))
                return true;
        }
        return false;
    }

    private List<object> Add(ModelMeta model, List<object> keys)
    {
        if (keys.Count == 0)
            return keys;
        if (!_collected.TryGetValue(model, out var entry))
        {
            entry = ([], []);
            _collected[model] = entry;
            _order.Add(model);
        }
        var fresh = new List<object>();
        foreach (var key in keys)
        {
            if (entry.Seen.Add(key))
            {
                entry.Keys.Add(key);
                fresh.Add(key);
            }
        }
        return fresh;
    }

    private async ValueTask<List<object>> ReadKeysAsync(string sql, Action<NpgsqlParameterCollection> bind, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(lease, sql);
        bind(command.Parameters);
        await using var reader = async ? await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false) : command.ExecuteReader();
        var keys = new List<object>();
        while (async ? await reader.ReadAsync(cancellationToken).ConfigureAwait(false) : reader.Read())
            keys.Add(reader.GetValue(0));
        return keys;
    }

    private async ValueTask<List<object>> ReadObjectsAsync(RelationMeta relation, ModelMeta parent, List<object> keys, CancellationToken cancellationToken)
    {
        var child = relation.Source;
        var sql = $"{ModelSql.For(child).SelectAllColumns} WHERE {relation.Column.QuotedColumn} = ANY($1)";
        await using var command = database.CreateCommand(lease, sql);
        command.Parameters.Add(parent.CreateKeyArrayParameter(keys));
        await using var reader = async ? await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false) : command.ExecuteReader();
        var objects = new List<object>();
        while (async ? await reader.ReadAsync(cancellationToken).ConfigureAwait(false) : reader.Read())
            objects.Add(child.ReadObject(reader, 0));
        return objects;
    }

    private void ThrowProtected(ModelMeta model)
    {
        var names = string.Join(", ", _protected.Select(p => $"'{p.Relation.Source.ClassName}.{p.Relation.Property}'").Distinct());
        var objects = _protected.SelectMany(p => p.Objects).ToList();
        throw new ProtectedException(
            $"Cannot delete some instances of model '{model.ClassName}' because they are referenced through protected foreign keys: {names}. Blocking: {Describe(objects)}.",
            objects);
    }

    private static void ThrowRestricted(ModelMeta model, List<(RelationMeta Relation, object Item)> blocking)
    {
        var names = string.Join(", ", blocking.Select(p => $"'{p.Relation.Source.ClassName}.{p.Relation.Property}'").Distinct());
        var objects = blocking.Select(b => b.Item).ToList();
        throw new RestrictedException(
            $"Cannot delete some instances of model '{model.ClassName}' because they are referenced through restricted foreign keys: {names}. Blocking: {Describe(objects)}.",
            objects);
    }

    private static string Describe(List<object> objects)
        => string.Join(", ", objects.Take(10).Select(o => $"{o.GetType().Name} '{o}'")) + (objects.Count > 10 ? $" and {objects.Count - 10} more" : "");
}
