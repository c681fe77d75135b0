using Npgsql;

namespace RelGen.Tests.Support;

/// <summary>
/// Empties tables between tests, as Django's TestCase rolls each test back: every table of the
/// connection's schema whose name starts with a prefix, identities restarted. It runs outside RelGen,
/// so it never shows in a <see cref="SqlCapture"/>.
/// </summary>
public static class TableReset
{
    public static async Task TruncateAsync(string connectionString, string tablePrefix)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // One round trip: the server lists the tables and truncates them together (so FKs between them are no obstacle).
        await using var command = new NpgsqlCommand(
            """
            DO $$
            DECLARE tables text;
            BEGIN
                SELECT string_agg(format('%I', tablename), ', ') INTO tables
                FROM pg_tables
                WHERE schemaname = current_schema() AND starts_with(tablename, current_setting('relgen.prefix'));
                IF tables IS NOT NULL THEN
                    EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY';
                END IF;
            END $$
            """, connection);
        await using (var set = new NpgsqlCommand("SELECT set_config('relgen.prefix', $1, false)", connection))
        {
            set.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tablePrefix });
            await set.ExecuteNonQueryAsync();
        }
        await command.ExecuteNonQueryAsync();
    }
}
