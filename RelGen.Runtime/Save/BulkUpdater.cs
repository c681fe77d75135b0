using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Npgsql;
using RelGen.Execution;
using RelGen.Metadata;
using RelGen.Query;
using RelGen.Sql;

namespace RelGen.Save;

/// <summary>
/// Django's <c>bulk_update</c> in one statement: each field's values as one array, <c>unnest</c> joined to the rows by key
/// (<c>UPDATE table u SET f = v.c1, … FROM unnest($k, $a, …) AS v(c0, c1, …) WHERE u.key = v.c0</c>), limited to the query
/// set's rows by a key subquery when it has filters. With a version each row must still hold its object's version; when one
/// does not, the statement is undone (it runs in a transaction or savepoint) and <see cref="ConcurrencyException"/> names it.
/// </summary>
internal static class BulkUpdater
{
    private static readonly ConcurrentDictionary<(ModelDescriptor Model, string Columns), string> SqlByShape = new();

    public static async Task<int> UpdateAsync<T>(RelGenDatabase database, QueryState state, IEnumerable<T> entities, List<ColumnDescriptor<T>> columns,
        CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        var model = T.RelGenModel;
        SetBasedColumns.Check(model, columns, "BulkUpdateAsync");
        var list = entities as IReadOnlyList<T> ?? entities.ToList();
        foreach (var entity in list)
        {
            ArgumentNullException.ThrowIfNull(entity, nameof(entities));
            if (!model.HasKey(entity))
                throw new InvalidOperationException($"BulkUpdateAsync needs saved objects: {model.Name} '{entity}' has no {model.Key.Property}. Nothing was sent.");
            Saver.Validate(model, entity, columns);
        }
        if (list.Count == 0)
            return 0;
        if (model.FirstDuplicateKey(list) is { } twice)
            throw new ArgumentException($"BulkUpdateAsync got {model.Name} {model.DescribeKey(twice)} twice; each row can take one set of values. Nothing was sent.", nameof(entities));
        var version = model.TypedVersion;
        var rows = version is null
            ? await OnConnectionAsync(database, model.Name, lease => ExecuteAsync(database, lease, state, model, list, columns, null, cancellationToken), cancellationToken).ConfigureAwait(false)
            : await Atomic.RunAsync(database, () => OnConnectionAsync(database, model.Name, async lease =>
            {
                var updated = model.CreateKeySet();
                var count = await ExecuteAsync(database, lease, state, model, list, columns, updated, cancellationToken).ConfigureAwait(false);
                if (count < list.Count)
                    Saver.ThrowConcurrency(model, list.First(e => !model.KeyIn(e, updated)));
                return count;
            }, cancellationToken), cancellationToken).ConfigureAwait(false);
        foreach (var entity in list)
        {
            if (version is not null)
                model.AdvanceVersion(entity);
            model.Context(entity) ??= database.DefaultContext;
            model.AcceptChanges(entity, columns);
        }
        return rows;
    }

    /// <summary>The statement; with <paramref name="updated"/> (a versioned model) it returns and collects the keys it updated.</summary>
    private static async Task<int> ExecuteAsync<T>(RelGenDatabase database, ConnectionLease lease, QueryState state, ModelDescriptor<T> model, IReadOnlyList<T> list,
        List<ColumnDescriptor<T>> columns, KeySet? updated, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        await using var command = lease.CreateCommand();
        var filtered = state.Filters.Length > 0 || state.IsSliced;
        string? subquery = null;
        if (filtered)
        {
            // The subquery's values come first: its placeholders are $1…$k as compiled.
            var writer = ShapeWriter.Rent(command.Parameters);
            try
            {
                state.Write(writer, QueryKind.Keys);
                subquery = QueryCache.Get(writer).Sql;
            }
            finally
            {
                ShapeWriter.Return(writer);
            }
        }
        var first = command.Parameters.Count + 1;
        command.Parameters.Add(model.KeyArrayParameter(list));
        foreach (var column in columns)
            command.Parameters.Add(column.ArrayParameter(list));
        if (model.TypedVersion is { } version)
            command.Parameters.Add(version.ArrayParameter(list));
        command.CommandText = subquery is null
            ? SqlByShape.GetOrAdd((model, string.Join(",", columns.Select(c => c.Ordinal))), _ => Build(model, columns, 1, null))
            : Build(model, columns, first, subquery);
        database.Log.Command(command.CommandText);
        // Only the statements of cached shapes are prepared: one with a subquery is built per call.
        if (updated is null)
            return subquery is null
                ? await lease.ExecutePreparedNonQueryAsync(command, cancellationToken).ConfigureAwait(false)
                : await lease.ExecuteNonQueryAsync(command, cancellationToken).ConfigureAwait(false);
        await using var reader = subquery is null
            ? await lease.ExecutePreparedReaderAsync(command, cancellationToken).ConfigureAwait(false)
            : await lease.ExecuteReaderAsync(command, cancellationToken).ConfigureAwait(false);
        await updated.ReadNewAsync(reader, 0, cancellationToken).ConfigureAwait(false);
        return updated.Count;
    }

    private static string Build<T>(ModelDescriptor<T> model, List<ColumnDescriptor<T>> columns, int first, string? subquery)
        where T : class, IModel<T>
    {
        var key = model.Key.QuotedName;
        var version = model.Version;
        var values = columns.Count + 1 + (version is null ? 0 : 1);
        var sql = new StringBuilder("UPDATE ").Append(model.QuotedTable).Append(" u SET ");
        for (var i = 0; i < columns.Count; i++)
            sql.Append(i == 0 ? "" : ", ").Append(columns[i].QuotedName).Append(" = v.c").Append((i + 1).ToString(CultureInfo.InvariantCulture));
        if (version is not null)
            sql.Append(", ").Append(version.QuotedName).Append(" = u.").Append(version.QuotedName).Append(" + 1");
        sql.Append(" FROM unnest(");
        for (var i = 0; i < values; i++)
            sql.Append(i == 0 ? "$" : ", $").Append((first + i).ToString(CultureInfo.InvariantCulture));
        sql.Append(") AS v(");
        for (var i = 0; i < values; i++)
            sql.Append(i == 0 ? "c" : ", c").Append(i.ToString(CultureInfo.InvariantCulture));
        sql.Append(") WHERE u.").Append(key).Append(" = v.c0");
        if (version is not null)
            sql.Append(" AND u.").Append(version.QuotedName).Append(" = v.c").Append((values - 1).ToString(CultureInfo.InvariantCulture));
        if (subquery is not null)
            sql.Append(" AND u.").Append(key).Append(" IN (").Append(subquery).Append(')');
        if (version is not null)
            sql.Append(" RETURNING u.").Append(key);
        return sql.ToString();
    }

    private static async Task<int> OnConnectionAsync(RelGenDatabase database, string model, Func<ConnectionLease, Task<int>> work, CancellationToken cancellationToken)
    {
        var lease = await database.AcquireAsync(DatabaseOperation.Update, model, cancellationToken).ConfigureAwait(false);
        try
        {
            return await work(lease).ConfigureAwait(false);
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
}
