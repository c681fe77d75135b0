using System.ComponentModel;
using Npgsql;
using RelGen.Save;
using RelGen.Schema;

namespace RelGen.Loading;

/// <summary>Loads a forward relation the first time it is read (one query), for the generated property getters.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RelationLoader
{
    public static TTarget Load<TSource, TTarget, TKey>(TSource source, TKey key, RelationMeta relation)
        where TSource : class, IModel<TSource>
        where TTarget : class, IModel<TTarget>
    {
        if (key is null || EqualityComparer<TKey>.Default.Equals(key, default!))
            throw new InvalidOperationException($"{relation.Source.ClassName}.{relation.Property} is not set on '{source}'.");
        var database = ((IModel)source).RelGenDatabase
            ?? throw new InvalidOperationException($"{relation.Source.ClassName}.{relation.Property} is not loaded and '{source}' was not loaded from a database, so it cannot be loaded now; assign the object or load '{source}' through a query set.");
        return LoadCore<TTarget, TKey>(database, key, relation);
    }

    private static TTarget LoadCore<TTarget, TKey>(RelGenDatabase database, TKey key, RelationMeta relation)
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
}
