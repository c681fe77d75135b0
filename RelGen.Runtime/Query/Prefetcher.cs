using System.Collections.Concurrent;
using System.Text;
using RelGen.Schema;

namespace RelGen.Query;

/// <summary>Loads reverse sets for many parents in one query per relation (<c>fk = ANY($1)</c>).</summary>
internal static class Prefetcher
{
    private static readonly ConcurrentDictionary<RelationMeta, string> SqlByRelation = new();

    public static async ValueTask LoadAsync<T>(RelGenDatabase database, List<T> parents, RelationPath[] paths, bool async, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        var meta = T.Meta;
        foreach (var path in paths)
        {
            var relation = path.Relation;
            var child = relation.Source;
            var byParent = new Dictionary<object, List<object>>();
            var lease = await database.AcquireAsync(async, cancellationToken).ConfigureAwait(false);
            try
            {
                await using var command = database.CreateCommand(lease, SqlByRelation.GetOrAdd(relation, BuildSql));
                meta.AddKeyArrayParameter(parents, command.Parameters);
                await using var reader = async
                    ? await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false)
                    : command.ExecuteReader();
                while (async ? await reader.ReadAsync(cancellationToken).ConfigureAwait(false) : reader.Read())
                {
                    var item = child.ReadObject(reader, 0);
                    ((IModel)item).RelGenDatabase = database;
                    var key = child.GetRelationKeyObject(item, relation.Index)!;
                    if (!byParent.TryGetValue(key, out var items))
                        byParent[key] = items = [];
                    items.Add(item);
                }
            }
            finally
            {
                await lease.DisposeAsync(async).ConfigureAwait(false);
            }
            foreach (var parent in parents)
            {
                if (!byParent.TryGetValue(meta.GetKey(parent), out var items))
                    items = [];
                foreach (var item in items)
                    child.SetRelated(item, relation.Index, parent);
                var extras = ((IModel)parent).RelGenExtras ??= new EntityExtras();
                (extras.Prefetched ??= [])[relation] = items;
            }
        }
    }

    private static string BuildSql(RelationMeta relation)
    {
        var child = relation.Source;
        var sql = new StringBuilder("SELECT ");
        for (var i = 0; i < child.Columns.Length; i++)
            sql.Append(i == 0 ? "" : ", ").Append("t0.").Append(child.Columns[i].QuotedColumn);
        sql.Append(" FROM ").Append(child.QuotedTable).Append(" t0 WHERE t0.").Append(relation.Column.QuotedColumn).Append(" = ANY($1)");
        for (var i = 0; i < child.Ordering.Length; i++)
        {
            var term = child.Ordering[i];
            sql.Append(i == 0 ? " ORDER BY " : ", ").Append("t0.").Append(child.Columns[term.ColumnOrdinal].QuotedColumn).Append(term.Descending ? " DESC" : " ASC");
        }
        return sql.ToString();
    }
}
