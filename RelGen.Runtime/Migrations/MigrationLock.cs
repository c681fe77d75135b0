using Npgsql;

namespace RelGen.Migrations;

/// <summary>
/// The session-level advisory lock every <c>MigrateAsync</c> holds while it reads the history and applies
/// migrations, so two processes starting together apply each migration once: the second waits, then finds
/// nothing pending. Keyed by the schema migrated, so separate schemas of one database migrate independently.
/// </summary>
internal static class MigrationLock
{
    /// <summary>The first key of the two-key lock: 0x52474D49, "RGMI" in ASCII, for RelGen's migrations.</summary>
    public const string Namespace = "1380404553";

    /// <summary>The second key for the connection's current schema (hashtext is PostgreSQL's own string hash).</summary>
    public const string SchemaKeySql = "hashtext(coalesce(current_schema(), ''))";

    public const string AcquireSql = $"SELECT pg_advisory_lock({Namespace}, {SchemaKeySql})";

    public const string ReleaseSql = $"SELECT pg_advisory_unlock({Namespace}, {SchemaKeySql})";

    public static async Task AcquireAsync(NpgsqlConnection connection, Action<string> log, CancellationToken cancellationToken)
    {
        log(AcquireSql);
        await using var command = new NpgsqlCommand(AcquireSql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task ReleaseAsync(NpgsqlConnection connection, Action<string> log)
    {
        log(ReleaseSql);
        await using var command = new NpgsqlCommand(ReleaseSql, connection);
        // Not cancellable: a lock left behind would block every later start until the connection closes.
        await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
