using RelGen.Delete;
using RelGen.Metadata;
using RelGen.Save;
using RelGen.Schema;

namespace RelGen;

public sealed partial class RelGenDatabase
{
    /// <summary>
    /// Creates the tables of every <c>[Model]</c> in the loaded assemblies (and in the RelGen assemblies they reference), with
    /// keys, foreign keys and their indexes, <c>[Index]</c>, <c>[Unique]</c> and <c>[CheckSql]</c>, atomically: the DDL a
    /// first migration would run. Tables that exist already are refused with <see cref="TablesExistException"/>.
    /// </summary>
    public Task CreateTablesAsync(CancellationToken cancellationToken = default)
        => SchemaCreator.CreateAsync(this, ModelRegistry.All, cancellationToken);

    /// <summary>Drops the tables of every <c>[Model]</c> in the loaded assemblies.</summary>
    public Task DropTablesAsync(CancellationToken cancellationToken = default)
        => RunDdlAsync([SchemaSql.Drop(ModelRegistry.All)], cancellationToken);

    private async Task RunDdlAsync(IReadOnlyList<string> statements, CancellationToken cancellationToken)
    {
        if (!InTransaction)
        {
            await using var transaction = await BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await RunDdlAsync(statements, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        var lease = await AcquireAsync(DatabaseOperation.Schema, null, cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var statement in statements)
            {
                await using var command = lease.CreateCommand(statement);
                await lease.ExecuteNonQueryAsync(command, cancellationToken).ConfigureAwait(false);
            }
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

    /// <summary>
    /// Inserts the object when RelGen has not seen it and it has no key (setting the key), else updates it: only the columns
    /// that changed since it was loaded or saved, nothing when none did (Django's rules otherwise: an update that matches
    /// no row inserts). Values are checked before anything is sent.
    /// </summary>
    public Task SaveAsync<T>(T entity, CancellationToken cancellationToken = default) where T : class, IModel<T>
        => Saver.SaveAsync(Tracked(), entity, cancellationToken);

    /// <summary>
    /// Inserts many objects in as few round trips as possible (a multi-row INSERT for small batches, binary COPY for large
    /// ones) and sets their keys. The same checks as <see cref="SaveAsync{T}"/> run first; nothing is written when one fails.
    /// </summary>
    public Task BulkCreateAsync<T>(IEnumerable<T> entities, CancellationToken cancellationToken = default) where T : class, IModel<T>
        => BulkInserter.BulkCreateAsync(Tracked(), entities, cancellationToken);

    /// <summary>Deletes the object and, by each relation's on-delete rule, what points at it; atomically.</summary>
    public Task<DeleteResult> DeleteAsync<T>(T entity, CancellationToken cancellationToken = default) where T : class, IModel<T>
        => Deleter.DeleteEntityAsync(Tracked(), entity, cancellationToken);
}
