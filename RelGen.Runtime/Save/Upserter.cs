using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Npgsql;
using RelGen.Metadata;
using RelGen.Query;

namespace RelGen.Save;

/// <summary>
/// <c>BulkCreateAsync</c> with a conflict rule: one statement for any number of rows. Every column travels as one array
/// parameter and <c>unnest</c> turns them back into rows (no per-row parameters, so no 32,767-parameter limit and no COPY
/// staging table: one round trip, one plan). The insert's <c>RETURNING</c> gives the keys of the rows it wrote; rows it
/// skipped find theirs by their unique values, and each object gets its key by its input position.
/// </summary>
internal static class Upserter
{
    private static readonly ConcurrentDictionary<(ModelDescriptor Model, string Target, string? Update), string> SqlByShape = new();

    public static async Task UpsertAsync<T>(RelGenDatabase database, List<T> list, ConflictAction action, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        var model = T.RelGenModel;
        var target = Columns(model, action.Target.Fields, "Conflict.On", allowKey: true);
        var update = action.UpdateFields is null ? null : Columns(model, action.UpdateFields, "Update", allowKey: false);
        if (target.Exists(c => c.IsIdentity))
            throw new ArgumentException($"Conflict.On cannot name {model.Key}: the database assigns it to new rows, so they never clash on it.", nameof(action));
        foreach (var entity in list)
        {
            ArgumentNullException.ThrowIfNull(entity, nameof(list));
            Saver.Validate(model, entity);
            if (!model.Key.IsIdentity && !model.HasKey(entity))
                model.AssignNewKey(entity);
            foreach (var column in target)
            {
                // NULLs never clash in a unique constraint, so such a row could not be matched back to its object.
                if (column.IsNull(entity))
                    throw new ModelValidationException(model.Name, column.Property,
                        $"an upsert on ({string.Join(", ", target.Select(c => c.Property))}) needs a value here: a NULL never conflicts, so the row could not be matched.");
            }
        }
        if (list.Count == 0)
            return;
        var written = model.TypedColumns.Where(c => !c.IsIdentity).ToList();
        var lease = await database.AcquireAsync(DatabaseOperation.BulkCreate, model, cancellationToken).ConfigureAwait(false);
        try
        {
            var missing = new List<int>();
            await using (var command = database.CreateCommand(lease, Sql(model, written, target, update)))
            {
                foreach (var column in written)
                    command.Parameters.Add(column.ArrayParameter(list));
                await using var reader = await lease.ExecutePreparedReaderAsync(command, cancellationToken).ConfigureAwait(false);
                await ReadKeysAsync(model, list, reader, missing, cancellationToken).ConfigureAwait(false);
            }
            // A skipped row whose clash was committed by another transaction after this statement's snapshot: read it now.
            if (missing.Count > 0)
                await ReadMissingAsync(database, lease, model, list, target, missing, cancellationToken).ConfigureAwait(false);
        }
        // Typed for what they mean here, and still told to the transaction (it is aborted all the same).
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidColumnReference && lease.Translate(e, cancellationToken) is not null)
        {
            throw new InvalidOperationException(
                $"{model.Name} has no unique constraint or unique index on exactly ({string.Join(", ", target.Select(c => c.Property))}), which Conflict.On needs.", e);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.CardinalityViolation && lease.Translate(e, cancellationToken) is not null)
        {
            throw new InvalidOperationException(
                $"Two {model.Name} objects of the upsert have the same ({string.Join(", ", target.Select(c => c.Property))}); an update on conflict can change a row once per statement. Nothing was written.", e);
        }
        catch (Exception e) when (lease.Translate(e, cancellationToken) is { } error)
        {
            throw error;
        }
        finally
        {
            await lease.DisposeAsync().ConfigureAwait(false);
        }
        foreach (var entity in list)
        {
            model.Context(entity) ??= database.DefaultContext;
            model.AcceptChanges(entity);
        }
    }

    /// <summary>Each result row: the input position, the row's key, and its version when the model has one.</summary>
    private static async Task ReadKeysAsync<T>(ModelDescriptor<T> model, List<T> list, NpgsqlDataReader reader, List<int> missing, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        var version = model.TypedVersion;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var index = (int)reader.GetInt64(0) - 1;
            if (reader.IsDBNull(1))
            {
                missing.Add(index);
                continue;
            }
            model.ReadKey(list[index], reader, 1);
            if (version is not null)
                model.ReadVersion(list[index], reader, 2);
        }
    }

    private static async Task ReadMissingAsync<T>(RelGenDatabase database, Execution.ConnectionLease lease, ModelDescriptor<T> model, List<T> list,
        List<ColumnDescriptor<T>> target, List<int> missing, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        var rows = missing.ConvertAll(i => list[i]);
        var sql = new StringBuilder("SELECT v.n, t.").Append(model.Key.QuotedName);
        if (model.Version is { } v)
            sql.Append(", t.").Append(v.QuotedName);
        sql.Append(" FROM unnest(").Append(Placeholders(1, target.Count)).Append(") WITH ORDINALITY AS v(").Append(Aliases(target.Count)).Append(", n) JOIN ")
            .Append(model.QuotedTable).Append(" t ON ").Append(MatchesByPosition("t", target, i => "v.c" + i.ToString(CultureInfo.InvariantCulture)));
        await using var command = database.CreateCommand(lease, sql.ToString());
        foreach (var column in target)
            command.Parameters.Add(column.ArrayParameter(rows));
        var still = new List<int>();
        await using (var reader = await lease.ExecuteReaderAsync(command, cancellationToken).ConfigureAwait(false))
        {
            var found = new HashSet<int>();
            var version = model.TypedVersion;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var index = missing[(int)reader.GetInt64(0) - 1];
                found.Add(index);
                model.ReadKey(list[index], reader, 1);
                if (version is not null)
                    model.ReadVersion(list[index], reader, 2);
            }
            still.AddRange(missing.Where(i => !found.Contains(i)));
        }
        if (still.Count > 0)
            throw new InvalidOperationException(
                $"{still.Count} {model.Name} object(s) of the upsert clashed with rows this transaction cannot see (committed by another transaction after its snapshot, e.g. under REPEATABLE READ); their keys are unknown. Retry the transaction.");
    }

    /// <summary>
    /// <c>WITH v AS (SELECT * FROM unnest($1, …) WITH ORDINALITY AS v(c0, …, n)),
    /// w AS (INSERT INTO table AS t (…) SELECT c0, … FROM v ORDER BY n ON CONFLICT (…) DO NOTHING | DO UPDATE SET … RETURNING key, unique columns[, version])
    /// SELECT v.n, COALESCE(w.key, e.key)[, …] FROM v LEFT JOIN w ON … [LEFT JOIN table e ON …] ORDER BY v.n</c>,
    /// built once per model, conflict columns and updated columns.
    /// </summary>
    private static string Sql<T>(ModelDescriptor<T> model, List<ColumnDescriptor<T>> written, List<ColumnDescriptor<T>> target, List<ColumnDescriptor<T>>? update)
        where T : class, IModel<T>
    {
        var key = (model, string.Join(",", target.Select(c => c.Ordinal)), update is null ? null : string.Join(",", update.Select(c => c.Ordinal)));
        return SqlByShape.GetOrAdd(key, _ => Build(model, written, target, update));
    }

    private static string Build<T>(ModelDescriptor<T> model, List<ColumnDescriptor<T>> written, List<ColumnDescriptor<T>> target, List<ColumnDescriptor<T>>? update)
        where T : class, IModel<T>
    {
        string Value(ColumnDescriptor column) => "v.c" + written.IndexOf((ColumnDescriptor<T>)column).ToString(CultureInfo.InvariantCulture);
        var keyName = model.Key.QuotedName;
        var version = model.Version;
        var sql = new StringBuilder("WITH v AS (SELECT * FROM unnest(").Append(Placeholders(1, written.Count)).Append(") WITH ORDINALITY AS v(")
            .Append(Aliases(written.Count)).Append(", n)), w AS (INSERT INTO ").Append(model.QuotedTable).Append(" AS t (")
            .Append(string.Join(", ", written.Select(c => c.QuotedName))).Append(") SELECT ").Append(string.Join(", ", written.Select(Value)))
            .Append(" FROM v ORDER BY v.n ON CONFLICT (").Append(string.Join(", ", target.Select(c => c.QuotedName))).Append(')');
        if (update is null)
        {
            sql.Append(" DO NOTHING");
        }
        else
        {
            sql.Append(" DO UPDATE SET ").Append(string.Join(", ", update.Select(c => c.QuotedName + " = EXCLUDED." + c.QuotedName)));
            if (version is not null)
                sql.Append(", ").Append(version.QuotedName).Append(" = t.").Append(version.QuotedName).Append(" + 1");
        }
        sql.Append(" RETURNING t.").Append(keyName);
        foreach (var column in target)
        {
            if (!column.IsKey)
                sql.Append(", t.").Append(column.QuotedName);
        }
        if (version is not null)
            sql.Append(", t.").Append(version.QuotedName);
        sql.Append(") SELECT v.n, ");
        if (update is null)
        {
            // Skipped rows clashed with a row that existed before the statement (its snapshot sees it) or with one it inserted.
            sql.Append("COALESCE(w.").Append(keyName).Append(", e.").Append(keyName).Append(')');
            if (version is not null)
                sql.Append(", COALESCE(w.").Append(version.QuotedName).Append(", e.").Append(version.QuotedName).Append(')');
        }
        else
        {
            sql.Append("w.").Append(keyName);
            if (version is not null)
                sql.Append(", w.").Append(version.QuotedName);
        }
        sql.Append(" FROM v LEFT JOIN w ON ").Append(Matches("w", target, Value));
        if (update is null)
            sql.Append(" LEFT JOIN ").Append(model.QuotedTable).Append(" e ON ").Append(Matches("e", target, Value));
        return sql.Append(" ORDER BY v.n").ToString();
    }

    private static string Matches(string alias, IEnumerable<ColumnDescriptor> target, Func<ColumnDescriptor, string> value)
        => string.Join(" AND ", target.Select(c => alias + "." + c.QuotedName + " = " + value(c)));

    private static string MatchesByPosition<T>(string alias, List<ColumnDescriptor<T>> target, Func<int, string> value) where T : class
        => string.Join(" AND ", target.Select((c, i) => alias + "." + c.QuotedName + " = " + value(i)));

    private static string Placeholders(int first, int count)
        => string.Join(", ", Enumerable.Range(first, count).Select(i => "$" + i.ToString(CultureInfo.InvariantCulture)));

    private static string Aliases(int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The columns <paramref name="fields"/> names: the model's own (the key only where <paramref name="allowKey"/>), never the version.</summary>
    private static List<ColumnDescriptor<T>> Columns<T>(ModelDescriptor<T> model, SqlExpression[] fields, string method, bool allowKey)
        where T : class, IModel<T>
    {
        var columns = new List<ColumnDescriptor<T>>();
        foreach (var field in fields)
        {
            var own = field is IColumnField { Column: { Transform: DateTransform.None } reference } ? OwnColumns.Of(model, reference.Path, reference.Column) : null;
            if (own is null)
                throw new ArgumentException($"{method} takes fields of {model.Name} itself; '{field}' is not one.", nameof(fields));
            if ((own.IsKey && !allowKey) || own.IsVersion)
                throw new ArgumentException($"{method} cannot name {own}: {(own.IsVersion ? "the version moves on by itself" : "the key identifies the row")}.", nameof(fields));
            var typed = model.TypedColumns[own.Ordinal];
            if (!columns.Contains(typed))
                columns.Add(typed);
        }
        return columns;
    }
}
