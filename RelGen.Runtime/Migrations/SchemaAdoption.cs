using Npgsql;
using RelGen.Metadata;

namespace RelGen.Migrations;

/// <summary>
/// Decides what a database without migration history already has. When none of the tables the migrations
/// create exist, nothing: every migration applies. When some do (<c>CreateTablesAsync</c> made them, or an
/// earlier deployment by hand), the migrations run one by one in a scratch schema inside a transaction that is
/// rolled back, and the catalog after each is compared with the database's: the first migration whose schema
/// matches exactly is where the database stands, and it and those before it are recorded as applied without
/// running. No match is a <see cref="SchemaNotAdoptableException"/> listing the differences. Only the first
/// run on a database that has some of those tables pays for this: afterwards the history table exists.
/// </summary>
internal static class SchemaAdoption
{
    public static async Task<IReadOnlyList<MigrationDescriptor>> FindAppliedAsync(NpgsqlConnection connection, string schema,
        IReadOnlyList<MigrationDescriptor> migrations, Action<string> log, CancellationToken cancellationToken)
    {
        if (migrations.Count == 0)
            return [];
        var database = await SchemaCatalog.ReadAsync(connection, null, schema, log, cancellationToken).ConfigureAwait(false);
        // Running every migration in a scratch schema costs a little and runs their data statements once more (rolled
        // back): only when a table they name already exists. The exact check below decides; this only spares it.
        var named = migrations.SelectMany(m => TableNames.Created(m.UpSql)).ToHashSet(StringComparer.Ordinal);
        if (!database.Tables.Any(named.Contains))
            return [];
        var steps = await ReadEachStepAsync(connection, migrations, log, cancellationToken).ConfigureAwait(false);
        var created = new HashSet<string>(steps.SelectMany(s => s.Tables), StringComparer.Ordinal);
        var found = database.Tables.Where(created.Contains).ToList();
        if (found.Count == 0)
            return [];
        var ours = database.Restrict(created);
        // The first match, not the last: a later migration that changes only data has the same schema and must still run.
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].SameAs(ours))
                return migrations.Take(i + 1).ToList();
        }
        throw new SchemaNotAdoptableException(found, ours.DifferencesFrom(steps[^1]));
    }

    /// <summary>The catalog of a scratch schema after each migration, all rolled back.</summary>
    private static async Task<List<CatalogDump>> ReadEachStepAsync(NpgsqlConnection connection,
        IReadOnlyList<MigrationDescriptor> migrations, Action<string> log, CancellationToken cancellationToken)
    {
        var steps = new List<CatalogDump>();
        var scratch = "relgen_adopt_" + Guid.NewGuid().ToString("N")[..12];
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, $"CREATE SCHEMA \"{scratch}\"", log, cancellationToken).ConfigureAwait(false);
        // First on the path, so the migrations' unqualified names land there; the rest of the path stays for extensions' types and functions.
        await ExecuteAsync(connection, transaction,
            $"SELECT pg_catalog.set_config('search_path', '\"{scratch}\", ' || pg_catalog.current_setting('search_path'), true)",
            log, cancellationToken).ConfigureAwait(false);
        foreach (var migration in migrations)
        {
            try
            {
                if (!string.IsNullOrWhiteSpace(migration.UpSql))
                    await ExecuteAsync(connection, transaction, migration.UpSql, log, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e)
            {
                throw new MigrationFailedException(migration.Name, rollingBack: false, e);
            }
            steps.Add(await SchemaCatalog.ReadAsync(connection, transaction, scratch, log, cancellationToken).ConfigureAwait(false));
        }
        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        return steps;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql,
        Action<string> log, CancellationToken cancellationToken)
    {
        log(sql);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
