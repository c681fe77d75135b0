using System.Collections;
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
/// staging table: one round trip, one plan). Each object gets its row's key (and version) by the row's identity, never by
/// the order of <c>RETURNING</c>, which PostgreSQL does not promise: an update on conflict returns every row with its
/// conflict values, which tell whose row it is (<see cref="ReadRowsAsync"/>); otherwise the statement joins the rows it
/// wrote, and finds those it skipped, by their conflict values and returns each input position with its key
/// (<see cref="ReadKeysAsync"/>).
/// </summary>
internal static class Upserter
{
    private static readonly ConcurrentDictionary<(ModelDescriptor Model, string Target, string? Update), string> SqlByShape = new();

    /// <summary>Conflict values compared element by element, a byte array by content (as <c>ValueEquality</c> compares).</summary>
    private static readonly IEqualityComparer<object> ValuesComparer = EqualityComparer<object>.Create(
        (a, b) => StructuralComparisons.StructuralEqualityComparer.Equals(a, b), o => StructuralComparisons.StructuralEqualityComparer.GetHashCode(o));

    public static async Task UpsertAsync<T>(RelGenDatabase database, List<T> list, ConflictAction action, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        var model = T.RelGenModel;
        var target = Columns(model, action.Target.Fields, "Conflict.On", allowKey: true);
        var update = action.UpdateFields is null ? null : Columns(model, action.UpdateFields, "Update", allowKey: false);
        if (target.Exists(c => c.IsIdentity))
            throw new ArgumentException($"Conflict.On cannot name {model.Key}: the database assigns it to new rows, so they never clash on it.", nameof(action));
        SetBasedColumns.Check(model, model.TypedColumns.Where(c => !c.IsIdentity), "BulkCreateAsync with a conflict rule");
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
        var byReturnedValues = update is not null && target.TrueForAll(ReadsBackAsStored);
        var lease = await database.AcquireAsync(DatabaseOperation.BulkCreate, model, cancellationToken).ConfigureAwait(false);
        try
        {
            var missing = new List<int>();
            await using (var command = database.CreateCommand(lease, Sql(model, written, target, update, byReturnedValues)))
            {
                foreach (var column in written)
                    command.Parameters.Add(column.ArrayParameter(list));
                await using var reader = await lease.ExecutePreparedReaderAsync(command, cancellationToken).ConfigureAwait(false);
                if (byReturnedValues)
                    await ReadRowsAsync(model, list, target, reader, missing, cancellationToken).ConfigureAwait(false);
                else
                    await ReadKeysAsync(model, list, reader, missing, cancellationToken).ConfigureAwait(false);
            }
            // An object without its row: a skipped row whose clash was committed by another transaction after this statement's
            // snapshot, or a row a trigger left out or changed. Read by its conflict values now.
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

    /// <summary>
    /// The rows of an update on conflict: one per object, as it inserts or updates every row (or fails the statement), each
    /// with the row's key, its non-key conflict values and its version. They come in input order in practice, but PostgreSQL
    /// does not promise it: a row goes to the object at its position only when its conflict values are that object's, which
    /// proves the row is that object's (two objects with equal values would have failed the statement, which changes a row
    /// once). From the first row that is not, rows go to the object holding their values; an object left without a row is
    /// read afterwards, like a skipped one.
    /// </summary>
    private static async Task ReadRowsAsync<T>(ModelDescriptor<T> model, List<T> list, List<ColumnDescriptor<T>> target, NpgsqlDataReader reader,
        List<int> missing, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        // The columns of RETURNING t.key, t.<each non-key conflict column>[, t.version] (Build).
        var ordinals = new int[target.Count];
        var versionOrdinal = 1;
        for (var i = 0; i < target.Count; i++)
            ordinals[i] = target[i].IsKey ? 0 : versionOrdinal++;
        var version = model.TypedVersion;
        var row = 0;
        Dictionary<object, int>? byValues = null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            int index;
            if (byValues is null && row < list.Count && RowHoldsValuesOf(list[row], target, ordinals, reader))
            {
                index = row;
            }
            else
            {
                byValues ??= Unplaced(list, target, first: row);
                if (!byValues.Remove(ValuesKey(target, i => target[i].ReadValue(reader, ordinals[i])), out index))
                {
                    row++;
                    continue;   // Values of no object (a trigger changed them): as the join of the other form, it is ignored.
                }
            }
            model.ReadKey(list[index], reader, 0);
            if (version is not null)
                model.ReadVersion(list[index], reader, versionOrdinal);
            row++;
        }
        if (byValues is not null)
            missing.AddRange(byValues.Values);
        else
            missing.AddRange(Enumerable.Range(row, Math.Max(0, list.Count - row)));
    }

    private static bool RowHoldsValuesOf<T>(T entity, List<ColumnDescriptor<T>> target, int[] ordinals, NpgsqlDataReader reader)
        where T : class
    {
        for (var i = 0; i < target.Count; i++)
        {
            if (!target[i].RowHoldsValueOf(entity, reader, ordinals[i]))
                return false;
        }
        return true;
    }

    /// <summary>The objects from <paramref name="first"/> on, by their conflict values (one object per values: a twin is left to be read).</summary>
    private static Dictionary<object, int> Unplaced<T>(List<T> list, List<ColumnDescriptor<T>> target, int first)
        where T : class
    {
        var byValues = new Dictionary<object, int>(ValuesComparer);
        for (var index = first; index < list.Count; index++)
        {
            var entity = list[index];
            byValues.TryAdd(ValuesKey(target, i => target[i].StoredValueOf(entity)), index);
        }
        return byValues;
    }

    private static object ValuesKey<T>(List<ColumnDescriptor<T>> target, Func<int, object?> value)
        where T : class
    {
        var values = new object?[target.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = value(i);
        return values;
    }

    /// <summary>
    /// True when a column's value reads back equal to the value sent (<c>StoredValues</c> already truncates times to the
    /// microsecond and sends instants in UTC; <c>[MaxLength]</c> and text checks refuse what <c>varchar</c> would change), so
    /// that a returned row's values can tell whose row it is. Not so: <c>numeric</c> (rounded to its scale), <c>interval</c>
    /// (normalized) and <c>jsonb</c> (reformatted); upserts on those keep the joining form, which compares in the database.
    /// </summary>
    private static bool ReadsBackAsStored(ColumnDescriptor column)
        => column.SqlType is "boolean" or "smallint" or "integer" or "bigint" or "real" or "double precision" or "text" or "date" or "time"
            or "timestamp with time zone" or "uuid" or "bytea"
            || column.SqlType.StartsWith("varchar(", StringComparison.Ordinal);

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
    /// The statement, built once per model, conflict columns and updated columns. Both forms insert in input order, so new
    /// keys ascend with the input: over <c>unnest … WITH ORDINALITY</c> itself <c>ORDER BY v.n</c> is the scan's own order
    /// and costs no sort; over the CTE of the joined form it sorts 10,000 rows in well under a millisecond.
    /// <list type="bullet">
    /// <item>By returned values (an update on conflict whose conflict values read back as sent):
    /// <c>INSERT INTO table AS t (…) SELECT v.c0, … FROM unnest($1, …) WITH ORDINALITY AS v(c0, …, n) ORDER BY v.n
    /// ON CONFLICT (…) DO UPDATE SET … RETURNING t.key, t.conflict columns[, t.version]</c>: the statement Hand sends, plus
    /// the values that tell whose row each is (read by <see cref="ReadRowsAsync"/>).</item>
    /// <item>Joined (an ignore, or values the database may rewrite): <c>WITH v AS (SELECT * FROM unnest($1, …) WITH ORDINALITY
    /// AS v(c0, …, n)), w AS (INSERT … SELECT … FROM v ORDER BY v.n ON CONFLICT … RETURNING …) SELECT v.n, key[, version]
    /// FROM v LEFT JOIN w ON …</c>, where an ignore takes a skipped row's key from the row it clashed with (read by
    /// <see cref="ReadKeysAsync"/>, which places rows by n: no final sort).</item>
    /// </list>
    /// </summary>
    private static string Sql<T>(ModelDescriptor<T> model, List<ColumnDescriptor<T>> written, List<ColumnDescriptor<T>> target, List<ColumnDescriptor<T>>? update,
        bool byReturnedValues)
        where T : class, IModel<T>
    {
        // The form follows from the conflict and updated columns, so the key needs no more.
        var key = (model, string.Join(",", target.Select(c => c.Ordinal)), update is null ? null : string.Join(",", update.Select(c => c.Ordinal)));
        return SqlByShape.GetOrAdd(key, _ => Build(model, written, target, update, byReturnedValues));
    }

    private static string Build<T>(ModelDescriptor<T> model, List<ColumnDescriptor<T>> written, List<ColumnDescriptor<T>> target, List<ColumnDescriptor<T>>? update,
        bool byReturnedValues)
        where T : class, IModel<T>
    {
        string Value(ColumnDescriptor column) => "v.c" + written.IndexOf((ColumnDescriptor<T>)column).ToString(CultureInfo.InvariantCulture);
        var keyName = model.Key.QuotedName;
        var version = model.Version;
        var rows = new StringBuilder("unnest(").Append(Placeholders(1, written.Count)).Append(") WITH ORDINALITY AS v(").Append(Aliases(written.Count)).Append(", n)");
        var sql = new StringBuilder();
        if (!byReturnedValues)
            sql.Append("WITH v AS (SELECT * FROM ").Append(rows).Append("), w AS (");
        sql.Append("INSERT INTO ").Append(model.QuotedTable).Append(" AS t (").Append(string.Join(", ", written.Select(c => c.QuotedName)))
            .Append(") SELECT ").Append(string.Join(", ", written.Select(Value))).Append(" FROM ").Append(byReturnedValues ? rows : "v")
            .Append(" ORDER BY v.n ON CONFLICT (").Append(string.Join(", ", target.Select(c => c.QuotedName))).Append(')');
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
        if (byReturnedValues)
            return sql.ToString();
        sql.Append(") SELECT v.n, ");
        if (update is null)
        {
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
        {
            // A skipped row clashed with a row that existed before the statement (its snapshot sees it) or with one it inserted.
            // The existing row is looked up only for skipped rows: the condition on w inside the subquery is a one-time filter
            // per row, and OFFSET 0 keeps the planner from pulling it up into a join filter evaluated after every lookup.
            sql.Append(" LEFT JOIN LATERAL (SELECT e.").Append(keyName);
            if (version is not null)
                sql.Append(", e.").Append(version.QuotedName);
            sql.Append(" FROM ").Append(model.QuotedTable).Append(" e WHERE ").Append(Matches("e", target, Value))
                .Append(" AND w.").Append(keyName).Append(" IS NULL OFFSET 0) e ON true");
        }
        return sql.ToString();
    }

    private static string Matches(string alias, IEnumerable<ColumnDescriptor> target, Func<ColumnDescriptor, string> value)
        => string.Join(" AND ", target.Select(c => alias + "." + c.QuotedName + " = " + AsStored(c, value(c))));

    private static string MatchesByPosition<T>(string alias, List<ColumnDescriptor<T>> target, Func<int, string> value) where T : class
        => string.Join(" AND ", target.Select((c, i) => alias + "." + c.QuotedName + " = " + AsStored(c, value(i))));

    /// <summary>
    /// An input value as its row stores it: a value the column changes when storing (a <c>numeric(p,s)</c> rounded to its
    /// scale) is compared after the same cast, or its row would not be found. The type is the generator's column type.
    /// </summary>
    private static string AsStored(ColumnDescriptor column, string value)
        => ReadsBackAsStored(column) ? value : "CAST(" + value + " AS " + column.SqlType + ")";

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
