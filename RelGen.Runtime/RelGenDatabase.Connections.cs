using Npgsql;
using RelGen.Execution;
using RelGen.Metadata;
using RelGen.Telemetry;

namespace RelGen;

public sealed partial class RelGenDatabase
{
    private const string BackendProbe = "SELECT pg_backend_pid()";

    private volatile StatementPreparation _preparation = StatementPreparation.Auto;

    // Auto's finding: 0 until the first connection is opened, then 1 (prepare) or 2 (a pooler: do not).
    private volatile int _detected;

    /// <summary>
    /// Whether statements are prepared on the server. <see cref="StatementPreparation.Auto"/> (the default) prepares them unless
    /// the first connection shows a pooler in between; set <see cref="StatementPreparation.Unprepared"/> behind PgBouncer in
    /// transaction mode or with Npgsql multiplexing, to be sure.
    /// </summary>
    public StatementPreparation StatementPreparation
    {
        get => _preparation;
        set => _preparation = value;
    }

    /// <summary>What <see cref="StatementPreparation"/> means now; read by <see cref="ConnectionLease"/> before preparing.</summary>
    internal bool PreparesStatements => _preparation switch
    {
        StatementPreparation.Prepared => true,
        StatementPreparation.Unprepared => false,
        _ => _detected == 1,
    };

    /// <summary>
    /// Starts an operation: a lease on the connection of the innermost active transaction of this async flow (waiting until no
    /// other operation of it runs), or on a pooled connection. A failure to connect arrives typed
    /// (<see cref="CannotConnectException"/>), as does any use of a transaction that lost its connection or whose statement failed.
    /// </summary>
    internal ValueTask<ConnectionLease> AcquireAsync(DatabaseOperation operation, string? model, CancellationToken cancellationToken)
        => StartOperationAsync(operation, model, table: null, cancellationToken);

    /// <summary>
    /// Starts an operation on <paramref name="model"/>'s table (its activity and metrics name the table). Generic only so that a
    /// literal null model still means the overload above.
    /// </summary>
    internal ValueTask<ConnectionLease> AcquireAsync<TModel>(DatabaseOperation operation, TModel model, CancellationToken cancellationToken)
        where TModel : ModelDescriptor
        => StartOperationAsync(operation, model.Name, model.Table, cancellationToken);

    private ValueTask<ConnectionLease> StartOperationAsync(DatabaseOperation operation, string? model, string? table, CancellationToken cancellationToken)
    {
        // Not async: the operation's activity must become current in the caller's flow, where its commands run.
        var observer = OperationObserver.Start(this, operation, model, table);
        return observer is null ? AcquireCoreAsync(operation, model, null, cancellationToken) : AcquireObservedAsync(operation, model, observer, cancellationToken);
    }

    private async ValueTask<ConnectionLease> AcquireObservedAsync(DatabaseOperation operation, string? model, OperationObserver observer,
        CancellationToken cancellationToken)
    {
        try
        {
            var lease = await AcquireCoreAsync(operation, model, observer, cancellationToken).ConfigureAwait(false);
            observer.Connected(lease.Connection);
            return lease;
        }
        catch (Exception e)
        {
            observer.FailedToConnect(e);
            throw;
        }
    }

    private async ValueTask<ConnectionLease> AcquireCoreAsync(DatabaseOperation operation, string? model, OperationObserver? observer,
        CancellationToken cancellationToken)
    {
        if (ActiveTransaction is { } ambient)
        {
            await ambient.EnterAsync(ambient, operation, model, cancellationToken).ConfigureAwait(false);
            return new ConnectionLease(this, ambient.Connection, ambient, operation, model, observer);
        }
        var connection = await OpenConnectionAsync(operation, model, cancellationToken).ConfigureAwait(false);
        return new ConnectionLease(this, connection, null, operation, model, observer);
    }

    /// <summary>The synchronous form of <see cref="AcquireAsync"/>, for the one synchronous path: a relation loaded inside a property getter.</summary>
    internal ConnectionLease Acquire(DatabaseOperation operation, ModelDescriptor model)
    {
        var observer = OperationObserver.Start(this, operation, model.Name, model.Table);
        if (observer is null)
            return AcquireCore(operation, model.Name, null);
        try
        {
            var lease = AcquireCore(operation, model.Name, observer);
            observer.Connected(lease.Connection);
            return lease;
        }
        catch (Exception e)
        {
            observer.FailedToConnect(e);
            throw;
        }
    }

    private ConnectionLease AcquireCore(DatabaseOperation operation, string? model, OperationObserver? observer)
    {
        if (ActiveTransaction is { } ambient)
        {
            ambient.Enter(ambient, operation, model);
            return new ConnectionLease(this, ambient.Connection, ambient, operation, model, observer);
        }
        NpgsqlConnection connection;
        try
        {
            connection = DataSource.OpenConnection();
        }
        catch (Exception e) when (ErrorTranslator.Translate(e, null, null, operation, model, ExecutionStage.Connecting, default) is { } error)
        {
            throw error;
        }
        if (_detected == 0 && _preparation == StatementPreparation.Auto)
            DetectPoolerAsync(connection, sync: true, default).AsTask().GetAwaiter().GetResult();
        return new ConnectionLease(this, connection, null, operation, model, observer);
    }

    /// <summary>Opens a pooled connection, typing a failure; the first one also tells <see cref="StatementPreparation.Auto"/> what to do.</summary>
    internal async ValueTask<NpgsqlConnection> OpenConnectionAsync(DatabaseOperation operation, string? model, CancellationToken cancellationToken)
    {
        NpgsqlConnection connection;
        try
        {
            connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (ErrorTranslator.Translate(e, null, null, operation, model, ExecutionStage.Connecting, cancellationToken) is { } error)
        {
            throw error;
        }
        if (_detected == 0 && _preparation == StatementPreparation.Auto)
            await DetectPoolerAsync(connection, sync: false, cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>
    /// Npgsql multiplexing, or a backend process id that is not the server's: PgBouncer answers a client's start-up itself,
    /// with a process id of its own, and may run each transaction on another server session, where a statement prepared on
    /// the first does not exist, or is another client's statement of the same name.
    /// </summary>
    private async ValueTask DetectPoolerAsync(NpgsqlConnection connection, bool sync, CancellationToken cancellationToken)
    {
        bool pooler;
        if (new NpgsqlConnectionStringBuilder(connection.ConnectionString).Multiplexing)
        {
            pooler = true;
        }
        else
        {
            Log.Command(BackendProbe);
            try
            {
                await using var command = new NpgsqlCommand(BackendProbe, connection);
                var pid = sync ? command.ExecuteScalar() : await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                pooler = pid is not int serverPid || serverPid != connection.ProcessID;
            }
            catch (Exception e) when (ErrorTranslator.Translate(e, null, connection, DatabaseOperation.Query, null, ExecutionStage.Executing, cancellationToken) is { } error)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw error;
            }
        }
        _detected = pooler ? 2 : 1;
    }

    /// <summary>Creates a command on the lease's connection and logs its text.</summary>
    internal NpgsqlCommand CreateCommand(in ConnectionLease lease, string sql) => lease.CreateCommand(sql);
}
