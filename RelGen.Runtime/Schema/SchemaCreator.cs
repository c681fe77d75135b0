using Npgsql;
using RelGen.Execution;
using RelGen.Metadata;

namespace RelGen.Schema;

/// <summary>
/// <c>CreateTablesAsync</c>: every registered model's table, with the DDL its assembly registered (<see cref="SchemaRegistry"/>):
/// all tables first, then their indexes and foreign keys (so models may point at each other), in one transaction. Tables
/// that exist already are refused up front with <see cref="TablesExistException"/>, naming them.
/// </summary>
internal static class SchemaCreator
{
    private const string ExistingSql = """
        SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relname = ANY($1) ORDER BY c.relname
        """;

    public static async Task CreateAsync(RelGenDatabase database, IReadOnlyList<ModelDescriptor> models, CancellationToken cancellationToken)
    {
        var tables = Tables(models);
        var lease = await database.AcquireAsync(DatabaseOperation.Schema, null, cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = lease.Transaction ?? await lease.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var existing = await ExistingAsync(lease, transaction, tables, cancellationToken).ConfigureAwait(false);
            if (existing.Count > 0)
                throw Exists(existing, models, null);
            try
            {
                foreach (var statement in tables.Select(t => t.CreateSql).Concat(tables.SelectMany(t => t.AfterSql)))
                {
                    await using var command = lease.CreateCommand(statement);
                    command.Transaction = transaction;
                    await lease.ExecuteNonQueryAsync(command, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateTable)
            {
                // Created meanwhile by another session (the check above saw none): the same refusal.
                throw Exists([e.TableName ?? "?"], models, e);
            }
            if (lease.Transaction is null)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                await transaction.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not TablesExistException && lease.Translate(e, cancellationToken) is { } error)
        {
            throw error;
        }
        finally
        {
            await lease.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Each table once, ordered by name; a model whose assembly registered no DDL is an error naming it.</summary>
    private static List<TableSchema> Tables(IReadOnlyList<ModelDescriptor> models)
    {
        var tables = new List<TableSchema>();
        foreach (var table in models.Select(m => m.Table).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            tables.Add(SchemaRegistry.Find(table) ?? throw new InvalidOperationException(
                $"No DDL is registered for table {table} (model {models.First(m => m.Table == table).Name}): its assembly was built by an older RelGen generator; rebuild it with this version."));
        }
        return tables;
    }

    private static async Task<List<string>> ExistingAsync(ConnectionLease lease, NpgsqlTransaction transaction, List<TableSchema> tables,
        CancellationToken cancellationToken)
    {
        await using var command = lease.CreateCommand(ExistingSql);
        command.Transaction = transaction;
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = tables.Select(t => t.Name).ToArray() });
        var existing = new List<string>();
        await using var reader = await lease.ExecuteReaderAsync(command, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            existing.Add(reader.GetString(0));
        return existing;
    }

    private static TablesExistException Exists(List<string> tables, IReadOnlyList<ModelDescriptor> models, Exception? inner)
        => new(tables, models.Where(m => tables.Contains(m.Table)).Select(m => m.Name).Distinct().ToList() is { Count: > 0 } names ? names : ["?"], inner);
}
