using Npgsql;
using RelGen.Telemetry;

namespace RelGen.Execution;

/// <summary>
/// One database operation's hold on a connection (the ambient transaction's, or a pooled one it returns on dispose), and the
/// one way RelGen runs commands: every execution site creates, prepares and executes through a lease, and its catch filter
/// hands failures to <see cref="Translate"/>, so errors are typed in one place (<see cref="ErrorTranslator"/>), statements
/// are prepared only where the database allows it (<see cref="RelGenDatabase.PreparesStatements"/>), and each command is
/// logged once. This is also the seam for tracing and metrics: an operation starts in <see cref="RelGenDatabase.AcquireAsync"/>,
/// runs commands through the <c>Execute…</c> methods, fails through <see cref="Translate"/> and ends in <see cref="DisposeAsync"/>.
/// The <c>Execute…</c> methods return the driver's tasks without awaiting them, so the hot paths pay no extra state machine.
/// </summary>
internal readonly struct ConnectionLease
{
    public ConnectionLease(RelGenDatabase database, NpgsqlConnection connection, RelGenTransaction? ambient, DatabaseOperation operation, string? model,
        OperationObserver? observer = null)
    {
        Observer = observer;
        Database = database;
        Connection = connection;
        Ambient = ambient;
        Operation = operation;
        Model = model;
    }

    public RelGenDatabase Database { get; }

    public NpgsqlConnection Connection { get; }

    /// <summary>The ambient transaction (or savepoint) this operation joined, or null when the connection is the lease's own.</summary>
    public RelGenTransaction? Ambient { get; }

    public NpgsqlTransaction? Transaction => Ambient?.Transaction;

    /// <summary>What the operation does, for its errors.</summary>
    public DatabaseOperation Operation { get; }

    /// <summary>The class name of the operation's model, for its errors; null when it has none.</summary>
    public string? Model { get; }

    /// <summary>The operation's activity, metrics and failed/slow command logs; null when nobody listens, and then nothing is measured.</summary>
    public OperationObserver? Observer { get; }

    /// <summary>A command with <paramref name="sql"/> on this connection and transaction, logged.</summary>
    public NpgsqlCommand CreateCommand(string sql)
    {
        Database.Log.Command(sql);
        return new NpgsqlCommand(sql, Connection, Transaction);
    }

    /// <summary>A command whose text the caller sets and logs (<see cref="QueryCommand.Bind"/>).</summary>
    public NpgsqlCommand CreateCommand() => new() { Connection = Connection, Transaction = Transaction };

    /// <summary>A batch on this connection and transaction; the <c>Execute…</c> methods log it.</summary>
    public NpgsqlBatch CreateBatch() => new(Connection, Transaction);

    public Task<NpgsqlDataReader> ExecuteReaderAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        if (Observer is null)
            return command.ExecuteReaderAsync(cancellationToken);
        Observer.Begin(command);
        return Observer.Track(command.ExecuteReaderAsync(cancellationToken));
    }

    public Task<int> ExecuteNonQueryAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        Observer?.Begin(command);
        return command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The synchronous read, for the one synchronous path: a relation loaded inside a property getter.</summary>
    public NpgsqlDataReader ExecuteReader(NpgsqlCommand command)
    {
        if (Observer is null)
            return command.ExecuteReader();
        Observer.Begin(command);
        return Observer.Track(command.ExecuteReader());
    }

    /// <summary>
    /// Executes a statement whose text comes from a bounded set (one per model, relation or cached query shape), prepared
    /// first unless the database sends unprepared statements (poolers). Preparing text the pooled connection already prepared
    /// sends nothing, so planning is paid once per connection.
    /// </summary>
    public Task<NpgsqlDataReader> ExecutePreparedReaderAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        if (Observer is null)
            return PreparedReaderAsync(command, cancellationToken);
        Observer.Begin(command);
        return Observer.Track(PreparedReaderAsync(command, cancellationToken));
    }

    private Task<NpgsqlDataReader> PreparedReaderAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        if (!Database.PreparesStatements)
            return command.ExecuteReaderAsync(cancellationToken);
        var prepare = command.PrepareAsync(cancellationToken);
        return prepare.IsCompletedSuccessfully ? command.ExecuteReaderAsync(cancellationToken) : PrepareThenReadAsync(prepare, command, cancellationToken);
    }

    /// <summary>The non-query form of <see cref="ExecutePreparedReaderAsync(NpgsqlCommand, CancellationToken)"/>.</summary>
    public Task<int> ExecutePreparedNonQueryAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        Observer?.Begin(command);
        if (!Database.PreparesStatements)
            return command.ExecuteNonQueryAsync(cancellationToken);
        var prepare = command.PrepareAsync(cancellationToken);
        return prepare.IsCompletedSuccessfully ? command.ExecuteNonQueryAsync(cancellationToken) : PrepareThenExecuteAsync(prepare, command, cancellationToken);
    }

    /// <summary>Executes a batch (one round trip, one implicit transaction when none is open), logged as one command.</summary>
    public Task<NpgsqlDataReader> ExecuteReaderAsync(NpgsqlBatch batch, CancellationToken cancellationToken)
    {
        Database.Log.Batch(batch);
        if (Observer is null)
            return batch.ExecuteReaderAsync(cancellationToken);
        Observer.Begin(batch);
        return Observer.Track(batch.ExecuteReaderAsync(cancellationToken));
    }

    /// <summary>The non-query form of <see cref="ExecuteReaderAsync(NpgsqlBatch, CancellationToken)"/>.</summary>
    public Task<int> ExecuteNonQueryAsync(NpgsqlBatch batch, CancellationToken cancellationToken)
    {
        Database.Log.Batch(batch);
        Observer?.Begin(batch);
        return batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A batch whose statements come from a bounded set, prepared unless the database sends unprepared statements.</summary>
    public Task<int> ExecutePreparedNonQueryAsync(NpgsqlBatch batch, CancellationToken cancellationToken)
    {
        Database.Log.Batch(batch);
        Observer?.Begin(batch);
        if (!Database.PreparesStatements)
            return batch.ExecuteNonQueryAsync(cancellationToken);
        var prepare = batch.PrepareAsync(cancellationToken);
        return prepare.IsCompletedSuccessfully ? batch.ExecuteNonQueryAsync(cancellationToken) : PrepareThenExecuteAsync(prepare, batch, cancellationToken);
    }

    /// <summary>The reader form of <see cref="ExecutePreparedNonQueryAsync(NpgsqlBatch, CancellationToken)"/>.</summary>
    public Task<NpgsqlDataReader> ExecutePreparedReaderAsync(NpgsqlBatch batch, CancellationToken cancellationToken)
    {
        Database.Log.Batch(batch);
        if (Observer is null)
            return PreparedReaderAsync(batch, cancellationToken);
        Observer.Begin(batch);
        return Observer.Track(PreparedReaderAsync(batch, cancellationToken));
    }

    private Task<NpgsqlDataReader> PreparedReaderAsync(NpgsqlBatch batch, CancellationToken cancellationToken)
    {
        if (!Database.PreparesStatements)
            return batch.ExecuteReaderAsync(cancellationToken);
        var prepare = batch.PrepareAsync(cancellationToken);
        return prepare.IsCompletedSuccessfully ? batch.ExecuteReaderAsync(cancellationToken) : PrepareThenReadAsync(prepare, batch, cancellationToken);
    }

    /// <summary>Starts a binary COPY (logged) on this connection.</summary>
    public Task<NpgsqlBinaryImporter> BeginBinaryImportAsync(string copySql, CancellationToken cancellationToken)
    {
        Database.Log.Command(copySql);
        Observer?.Begin(copySql);
        return Connection.BeginBinaryImportAsync(copySql, cancellationToken);
    }

    /// <summary>
    /// The typed error for <paramref name="error"/>, or null to let it pass unchanged (not a database error, or the caller's
    /// own cancellation). Use in a catch filter: <c>catch (Exception e) when (lease.Translate(e, ct) is { } error) { throw error; }</c>.
    /// It also tells the ambient transaction that a statement failed or the connection broke.
    /// </summary>
    public Exception? Translate(Exception error, CancellationToken cancellationToken)
    {
        var translated = ErrorTranslator.Translate(error, Ambient, Connection, Operation, Model, ExecutionStage.Executing, cancellationToken);
        Observer?.Failed(error, translated);
        return translated;
    }

    private static async Task<NpgsqlDataReader> PrepareThenReadAsync(Task prepare, NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await prepare.ConfigureAwait(false);
        return await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<NpgsqlDataReader> PrepareThenReadAsync(Task prepare, NpgsqlBatch batch, CancellationToken cancellationToken)
    {
        await prepare.ConfigureAwait(false);
        return await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> PrepareThenExecuteAsync(Task prepare, NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await prepare.ConfigureAwait(false);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> PrepareThenExecuteAsync(Task prepare, NpgsqlBatch batch, CancellationToken cancellationToken)
    {
        await prepare.ConfigureAwait(false);
        return await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        Observer?.End();
        if (Ambient is not null)
        {
            Ambient.Release();
            return default;
        }
        // A database with replicas marks the flow for read-your-writes after a write, on the write's connection.
        if (Database.Replicas is not null && RelGenDatabase.MarksWrite(Operation))
            return EndWriteAsync();
        return Connection.DisposeAsync();
    }

    private async ValueTask EndWriteAsync()
    {
        try
        {
            await Database.EndWriteAsync(Connection).ConfigureAwait(false);
        }
        finally
        {
            await Connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The synchronous form, for the one synchronous path: a relation loaded inside a property getter.</summary>
    public void Dispose()
    {
        Observer?.End();
        if (Ambient is not null)
            Ambient.Release();
        else
            Connection.Dispose();
    }
}
