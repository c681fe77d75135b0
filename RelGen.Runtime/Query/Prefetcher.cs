using System.Collections.Concurrent;
using System.Text;
using Npgsql;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>
/// <c>PrefetchRelated</c>: loads the objects pointing at many parents in one query per relation, groups them by key
/// (typed: a dictionary keyed by the parent key type), and caches each parent's list in the query's context for the
/// parents' reverse managers.
/// </summary>
internal static class Prefetcher
{
    private static readonly ConcurrentDictionary<RelationDescriptor, string> SqlByRelation = new();

    public static async Task LoadAsync<TSource, TTarget, TKey>(RelGenDatabase database, Relation<TSource, TTarget, TKey> relation,
        List<TTarget> parents, QueryState? query, CancellationToken cancellationToken)
        where TSource : class, IModel<TSource>
        where TTarget : class, IModel<TTarget>
        where TKey : notnull
    {
        var parentModel = relation.TargetModel;
        var childModel = relation.SourceModel;
        var context = parentModel.Context(parents[0])!;
        var cache = context.Prefetched<Dictionary<TKey, List<TSource>>>(relation);
        var byParent = new Dictionary<TKey, List<TSource>>(parents.Count);
        var byKey = new Dictionary<TKey, TTarget>(parents.Count);
        foreach (var parent in parents)
            byKey[parentModel.GetKey(parent)] = parent;
        var childContext = context.ForLoaded<TSource>();
        var lease = await database.AcquireReadAsync(DatabaseOperation.Load, childModel.Name, context.Route, query?.AllowStale ?? false, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = database.CreateCommand(lease, SqlByRelation.GetOrAdd(relation, BuildSql));
            command.Parameters.Add(new NpgsqlParameter<TKey[]> { TypedValue = [.. byKey.Keys] });
            await using var reader = await lease.ExecuteReaderAsync(command, cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var child = childModel.Read(reader, 0, childContext);
                if (!relation.TryGetKey(child, out var key))
                    continue;
                if (!byParent.TryGetValue(key, out var items))
                    byParent[key] = items = [];
                items.Add(child);
                relation.Attach(child, byKey[key]);
            }
        }
        catch (Exception e) when (lease.Translate(e, cancellationToken) is { } error)
        {
            throw error;
        }
        finally
        {
            await lease.DisposeAsync().ConfigureAwait(false);
        }
        lock (cache)
        {
            foreach (var key in byKey.Keys)
                cache[key] = byParent.TryGetValue(key, out var items) ? items : [];
        }
    }

    private static string BuildSql(RelationDescriptor relation)
    {
        var child = relation.Source;
        var sql = new StringBuilder("SELECT ");
        for (var i = 0; i < child.Columns.Count; i++)
            sql.Append(i == 0 ? "" : ", ").Append("t0.").Append(child.Columns[i].QuotedName);
        sql.Append(" FROM ").Append(child.QuotedTable).Append(" t0 WHERE t0.").Append(relation.Column.QuotedName).Append(" = ANY($1)");
        for (var i = 0; i < child.Ordering.Count; i++)
        {
            var term = child.Ordering[i];
            sql.Append(i == 0 ? " ORDER BY " : ", ").Append("t0.").Append(term.Column.QuotedName).Append(term.Descending ? " DESC" : " ASC");
        }
        return sql.ToString();
    }
}
