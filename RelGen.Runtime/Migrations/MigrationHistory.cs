using Npgsql;

namespace RelGen.Migrations;

/// <summary>
/// The history table, <c>relgen_migrations</c> in the connection's current schema: one row per applied migration
/// with the checksum of its up SQL and when it was applied. Its statements name the schema, so another
/// schema's history further along the search path is never read by mistake.
/// </summary>
internal sealed class MigrationHistory
{
    public const string TableName = "relgen_migrations";

    private readonly string _table;

    public MigrationHistory(string? schema)
    {
        Schema = schema;
        _table = (schema is null ? "" : Quote(schema) + ".") + Quote(TableName);
    }

    /// <summary>The current schema, or null when the search path names none that exists (creating the table then fails with 3F000).</summary>
    public string? Schema { get; }

    public string CreateSql => $"CREATE TABLE IF NOT EXISTS {_table} (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())";

    public string ReadSql => $"SELECT name, checksum FROM {_table}";

    public string InsertSql => $"INSERT INTO {_table} (name, checksum) VALUES ($1, $2)";

    public string DeleteSql => $"DELETE FROM {_table} WHERE name = $1";

    public const string ExistsSql =
        "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        + "WHERE n.nspname = $1 AND c.relname = '" + TableName + "')";

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public async Task<bool> ExistsAsync(NpgsqlConnection connection, Action<string> log, CancellationToken cancellationToken)
    {
        if (Schema is null)
            return false;
        log(ExistsSql);
        await using var command = new NpgsqlCommand(ExistsSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Schema });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Applied migration names and their checksums.</summary>
    public async Task<Dictionary<string, string>> ReadAsync(NpgsqlConnection connection, Action<string> log, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        log(ReadSql);
        await using var command = new NpgsqlCommand(ReadSql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            applied[reader.GetString(0)] = reader.GetString(1);
        return applied;
    }

    public NpgsqlCommand Insert(NpgsqlConnection connection, NpgsqlTransaction transaction, string name, string checksum)
    {
        var command = new NpgsqlCommand(InsertSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = checksum });
        return command;
    }

    public NpgsqlCommand Delete(NpgsqlConnection connection, NpgsqlTransaction transaction, string name)
    {
        var command = new NpgsqlCommand(DeleteSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        return command;
    }
}
