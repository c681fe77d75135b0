using Npgsql;
using RelGen.Stress.Workload;

namespace RelGen.Stress.Harness;

/// <summary>
/// The database's own record of every deleted row: a trigger on each stress table writes the row's table, key, parent key
/// (as it was when deleted) and the deleting transaction's id. Rows a foreign key's own cascade removes are recorded too,
/// which is how the checks see a delete's true extent.
/// </summary>
internal static class DeleteLog
{
    public static async Task InstallAsync(string admin)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync().ConfigureAwait(false);
        var sql = new System.Text.StringBuilder("""
            CREATE TABLE stress_deleted (tbl text NOT NULL, id int NOT NULL, parent int, xid bigint NOT NULL DEFAULT txid_current());
            CREATE FUNCTION stress_log_delete() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO stress_deleted (tbl, id, parent)
                VALUES (TG_TABLE_NAME, OLD.id, CASE WHEN TG_NARGS > 0 THEN (to_jsonb(OLD) ->> TG_ARGV[0])::int END);
                RETURN OLD;
            END $$;
            """);
        foreach (var (table, (_, parent)) in Tables.All)
        {
            sql.Append($"CREATE TRIGGER {table}_deleted AFTER DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION stress_log_delete(")
                .Append(parent is null ? "" : $"'{parent}'").Append(");\n");
        }
        // The crate stickers fall back to.
        sql.Append($"INSERT INTO stress_crate (id, name) OVERRIDING SYSTEM VALUE VALUES ({Models.Crate.HomeKey}, 'home');\n");
        await using var command = new NpgsqlCommand(sql.ToString(), connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>Every logged deletion.</summary>
    public static async Task<List<(string Table, int Id, int? Parent, long Xid)>> ReadAsync(string admin)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT tbl, id, parent, xid FROM stress_deleted", connection);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var rows = new List<(string, int, int?, long)>();
        while (await reader.ReadAsync().ConfigureAwait(false))
            rows.Add((reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.GetInt64(3)));
        return rows;
    }

    /// <summary>Every row of every stress table at the end: (table, key) → (name, parent key).</summary>
    public static async Task<Dictionary<(string Table, int Id), (string Name, int? Parent)>> FinalRowsAsync(string admin)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync().ConfigureAwait(false);
        var rows = new Dictionary<(string, int), (string, int?)>();
        foreach (var (table, (_, parent)) in Tables.All)
        {
            await using var command = new NpgsqlCommand($"SELECT id, name, {parent ?? "NULL::int"} FROM {table}", connection);
            await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            while (await reader.ReadAsync().ConfigureAwait(false))
                rows[(table, reader.GetInt32(0))] = (reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt32(2));
        }
        return rows;
    }
}
