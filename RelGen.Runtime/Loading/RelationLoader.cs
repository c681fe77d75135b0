using Npgsql;
using RelGen.Metadata;
using RelGen.Save;

namespace RelGen.Loading;

/// <summary>
/// Loads a forward relation the first time a generated property getter reads it: one object (<see cref="FetchMode.One"/>),
/// the relation of every peer of the same result (<see cref="FetchMode.Peers"/>), or a refusal (<see cref="FetchMode.Raise"/>).
/// A getter cannot await, so this is RelGen's one synchronous read path; every other read is async.
/// </summary>
internal static class RelationLoader
{
    public static TTarget Load<TSource, TTarget, TKey>(Relation<TSource, TTarget, TKey> relation, TSource source, TKey key)
        where TSource : class, IModel<TSource>
        where TTarget : class, IModel<TTarget>
        where TKey : notnull
    {
        var context = relation.SourceModel.Context(source);
        if (context is null)
            Throw.NotFromDatabase(relation, source);
        var mode = context.Mode;
        if (mode == FetchMode.Raise)
            throw new RelationNotLoadedException(relation.Source.Name, relation.Property, source.ToString() ?? "");
        if (mode == FetchMode.Peers && context.Peers is PeerGroup<TSource> { Members.Count: > 1 } peers)
            return LoadForPeers(relation, context, peers, key);
        var target = ReadByKeys(relation, context, [key]).FirstOrDefault() ?? throw new DoesNotExistException(relation.Target.Name);
        relation.Attach(source, target);
        return target;
    }

    /// <summary>One query for the relation of every peer that has not loaded it; each peer gets its object.</summary>
    private static TTarget LoadForPeers<TSource, TTarget, TKey>(Relation<TSource, TTarget, TKey> relation, LoadContext context,
        PeerGroup<TSource> peers, TKey key)
        where TSource : class, IModel<TSource>
        where TTarget : class, IModel<TTarget>
        where TKey : notnull
    {
        var keys = new HashSet<TKey>();
        foreach (var peer in peers.Members)
        {
            if (relation.Cached(peer) is null && relation.TryGetKey(peer, out var peerKey))
                keys.Add(peerKey);
        }
        var loaded = new Dictionary<TKey, TTarget>();
        var targetModel = relation.TargetModel;
        foreach (var target in ReadByKeys(relation, context, [.. keys]))
            loaded[targetModel.GetKey(target)] = target;
        foreach (var peer in peers.Members)
        {
            if (relation.Cached(peer) is null && relation.TryGetKey(peer, out var peerKey) && loaded.TryGetValue(peerKey, out var target))
                relation.Attach(peer, target);
        }
        return loaded.TryGetValue(key, out var mine) ? mine : throw new DoesNotExistException(relation.Target.Name);
    }

    /// <summary>
    /// The targets with <paramref name="keys"/>, read synchronously. Objects loaded this way share one context: the
    /// query's mode carries on (Django's copied fetch mode), and in Peers mode they are peers of each other.
    /// </summary>
    private static List<TTarget> ReadByKeys<TSource, TTarget, TKey>(Relation<TSource, TTarget, TKey> relation, LoadContext context, TKey[] keys)
        where TSource : class, IModel<TSource>
        where TTarget : class, IModel<TTarget>
        where TKey : notnull
    {
        var model = relation.TargetModel;
        var database = context.Database;
        var loadedContext = context.ForLoaded<TTarget>();
        var result = new List<TTarget>(keys.Length);
        var lease = database.AcquireRead(DatabaseOperation.Load, model, context.Route);
        try
        {
            using var command = lease.CreateCommand(ModelSql.For(model).SelectByKeys);
            command.Parameters.Add(new NpgsqlParameter<TKey[]> { TypedValue = keys });
            using var reader = lease.ExecuteReader(command);
            while (reader.Read())
                result.Add(model.Read(reader, 0, loadedContext));
        }
        catch (Exception e) when (lease.Translate(e, default) is { } error)
        {
            throw error;
        }
        finally
        {
            lease.Dispose();
        }
        if (loadedContext.Peers is PeerGroup<TTarget> group)
            group.Members.AddRange(result);
        return result;
    }
}
