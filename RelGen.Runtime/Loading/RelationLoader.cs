using System.ComponentModel;
using Npgsql;
using RelGen.Save;
using RelGen.Schema;

namespace RelGen.Loading;

/// <summary>
/// Loads a forward relation the first time it is read, for the generated property getters: one object
/// (<see cref="FetchMode.One"/>), the relation of every peer of the same result (<see cref="FetchMode.Peers"/>),
/// or a refusal (<see cref="FetchMode.Raise"/>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RelationLoader
{
    public static TTarget Load<TSource, TTarget, TKey>(TSource source, TKey key, RelationMeta relation)
        where TSource : class, IModel<TSource>
        where TTarget : class, IModel<TTarget>
    {
        if (key is null || EqualityComparer<TKey>.Default.Equals(key, default!))
            throw new InvalidOperationException($"{relation.Source.ClassName}.{relation.Property} is not set on '{source}'.");
        var model = (IModel)source;
        var database = model.RelGenDatabase
            ?? throw new InvalidOperationException($"{relation.Source.ClassName}.{relation.Property} is not loaded and '{source}' was not loaded from a database, so it cannot be loaded now; assign the object or load '{source}' through a query set.");
        var peers = model.RelGenExtras?.Peers;
        var mode = peers?.Mode ?? database.FetchMode;
        if (mode == FetchMode.Raise)
            throw new RelationNotLoadedException(relation.Source.ClassName, relation.Property, source.ToString() ?? "");
        if (mode == FetchMode.Peers && peers is { Members.Count: > 1 })
            return LoadForPeers<TTarget>(database, peers, key, relation);
        var one = LoadOne<TTarget, TKey>(database, key, relation);
        // A mode chosen for the query (or Peers) travels on to what its objects load, as in Django; otherwise the
        // loaded object follows the database's mode, which needs nothing stored.
        if (peers is not null)
            JoinGroup(one, new PeerGroup(mode));
        return one;
    }

    private static void JoinGroup(object loaded, PeerGroup group)
    {
        group.Members.Add(loaded);
        var model = (IModel)loaded;
        (model.RelGenExtras ??= new EntityExtras()).Peers = group;
    }

    private static TTarget LoadOne<TTarget, TKey>(RelGenDatabase database, TKey key, RelationMeta relation)
        where TTarget : class, IModel<TTarget>
    {
        var meta = TTarget.Meta;
        var lease = database.AcquireAsync(async: false, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        try
        {
            using var command = database.CreateCommand(lease, ModelSql.For(meta).SelectByKey);
            command.Parameters.Add(new NpgsqlParameter<TKey> { TypedValue = key });
            using var reader = command.ExecuteReader();
            if (!reader.Read())
                throw new DoesNotExistException(meta.ClassName);
            var target = meta.Read(reader, 0);
            ((IModel)target).RelGenDatabase = database;
            return target;
        }
        finally
        {
            lease.DisposeAsync(async: false).AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>One query for the relation of every peer that has not loaded it; each peer gets its object.</summary>
    private static TTarget LoadForPeers<TTarget>(RelGenDatabase database, PeerGroup peers, object key, RelationMeta relation)
        where TTarget : class, IModel<TTarget>
    {
        var source = relation.Source;
        var meta = TTarget.Meta;
        var keys = new List<object>();
        var seen = new HashSet<object>();
        foreach (var peer in peers.Members)
        {
            if (source.GetRelated(peer, relation.Index) is null && source.GetRelationKeyObject(peer, relation.Index) is { } peerKey && seen.Add(peerKey))
                keys.Add(peerKey);
        }
        var loaded = new Dictionary<object, object>();
        // The loaded objects are peers of each other, so their own relations load together too.
        var group = new PeerGroup(peers.Mode);
        var lease = database.AcquireAsync(async: false, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        try
        {
            var sql = ModelSql.For(meta);
            using var command = database.CreateCommand(lease, sql.SelectByKeys);
            command.Parameters.Add(meta.CreateKeyArrayParameter(keys));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var target = meta.Read(reader, 0);
                ((IModel)target).RelGenDatabase = database;
                JoinGroup(target, group);
                loaded[meta.GetKey(target)] = target;
            }
        }
        finally
        {
            lease.DisposeAsync(async: false).AsTask().GetAwaiter().GetResult();
        }
        foreach (var peer in peers.Members)
        {
            if (source.GetRelated(peer, relation.Index) is null && source.GetRelationKeyObject(peer, relation.Index) is { } peerKey
                && loaded.TryGetValue(peerKey, out var target))
            {
                source.SetRelated(peer, relation.Index, target);
            }
        }
        return loaded.TryGetValue(key, out var mine) ? (TTarget)mine : throw new DoesNotExistException(meta.ClassName);
    }
}
