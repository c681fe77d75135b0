using System.Data;
using Npgsql;
using RelGen.Execution;
using RelGen.Telemetry;

namespace RelGen;

/// <summary>
/// A transaction on a <see cref="RelGenDatabase"/>, or a savepoint inside one (Django's nested <c>atomic</c>). Work on the same
/// database in the same async flow joins the innermost one; disposing without <see cref="CommitAsync"/> rolls back (to the
/// savepoint, for a nested one). After a statement fails, the transaction (or the savepoint it failed in) refuses further work
/// and commits with <see cref="TransactionAbortedException"/> until it is rolled back; after its connection is lost, every use
/// throws <see cref="ConnectionLostException"/>.
/// </summary>
public sealed class RelGenTransaction : IAsyncDisposable, IDisposable
{
    private readonly RelGenTransaction _root;
    private readonly RelGenTransaction? _parent;
    private readonly string? _savepoint;

    // The outermost transaction's, shared by its savepoints through _root.
    private readonly SemaphoreSlim? _gate;
    private NpgsqlConnection? _connection;
    private NpgsqlTransaction? _transaction;
    private int _savepoints;
    private DatabaseException? _lostBy;

    private State _state;
    private DatabaseException? _failedBy;
    private RelGenTransaction? _child;
    private List<Func<CancellationToken, Task>>? _onCommit;

    private RelGenTransaction(RelGenDatabase database, RelGenTransaction? parent, IsolationLevel isolationLevel)
    {
        Database = database;
        _parent = parent;
        IsolationLevel = isolationLevel;
        if (parent is null)
        {
            _root = this;
            _gate = new SemaphoreSlim(1, 1);
        }
        else
        {
            _root = parent._root;
            _savepoint = $"relgen_savepoint_{++_root._savepoints}";
        }
    }

    /// <summary>The database this transaction runs on.</summary>
    public RelGenDatabase Database { get; }

    /// <summary>
    /// The connection the transaction runs on, for code that must share it (Dapper, Npgsql). Run nothing else through RelGen
    /// in this transaction while using it, and do not commit, roll back or close it yourself.
    /// </summary>
    public NpgsqlConnection Connection => _root._connection ?? throw new InvalidOperationException("The transaction has not started.");

    /// <summary>The Npgsql transaction of the outermost transaction (also for a savepoint), to pass to Dapper or an <c>NpgsqlCommand</c>.</summary>
    public NpgsqlTransaction Transaction => _root._transaction ?? throw new InvalidOperationException("The transaction has not started.");

    /// <summary>The isolation level of the outermost transaction; <see cref="IsolationLevel.Unspecified"/> means the server's default.</summary>
    public IsolationLevel IsolationLevel { get; }

    /// <summary>True for a savepoint inside another transaction.</summary>
    public bool IsNested => _parent is not null;

    /// <summary>The transaction this savepoint is nested in, or null for the outermost.</summary>
    public RelGenTransaction? Outer => _parent;

    /// <summary>True until committed or rolled back.</summary>
    internal bool IsActive => _state == State.Active;

    /// <summary>True once the outermost commit succeeded.</summary>
    internal bool IsCommitted => _state == State.Committed;

    internal static RelGenTransaction Begin(RelGenDatabase database, IsolationLevel isolationLevel) => new(database, null, isolationLevel);

    /// <summary>A savepoint inside this transaction; one at a time (a second flow nesting in parallel would interleave them).</summary>
    internal RelGenTransaction BeginNested(IsolationLevel? isolationLevel)
    {
        if (isolationLevel is { } level && level != IsolationLevel.Unspecified && level != _root.IsolationLevel)
        {
            throw new InvalidOperationException(
                $"A nested transaction (a savepoint) runs at the isolation level of the outermost one ({_root.IsolationLevel}); it cannot use {level}.");
        }
        if (_child is not null)
            throw new InvalidOperationException("This transaction already has an open nested transaction; nested transactions in parallel flows are not supported.");
        var nested = new RelGenTransaction(Database, this, _root.IsolationLevel);
        _child = nested;
        return nested;
    }

    internal async Task<RelGenTransaction> StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_parent is null)
            {
                _connection = await Database.OpenConnectionAsync(DatabaseOperation.Transaction, null, cancellationToken).ConfigureAwait(false);
                Database.Log.Command(IsolationLevel == IsolationLevel.Unspecified ? "BEGIN" : $"BEGIN ISOLATION LEVEL {IsolationLevel}");
                // Npgsql sends BEGIN together with the first statement: no round trip of its own.
                _transaction = await _connection.BeginTransactionAsync(IsolationLevel, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _root.EnterAsync(_parent, DatabaseOperation.Transaction, null, cancellationToken).ConfigureAwait(false);
                var observer = Observe(DatabaseOperation.Transaction, "SAVEPOINT " + _savepoint);
                try
                {
                    Database.Log.Command("SAVEPOINT " + _savepoint);
                    await _root._transaction!.SaveAsync(_savepoint!, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (OperationObserver.Observe(observer, e, Fail(e, _parent, DatabaseOperation.Transaction, cancellationToken)) is { } error)
                {
                    throw error;
                }
                finally
                {
                    observer?.End();
                    _root.Release();
                }
            }
            _state = State.Active;
            return this;
        }
        catch
        {
            _state = State.RolledBack;
            Database.ClearAmbient(this, _parent);
            if (_parent is not null)
                _parent._child = null;
            else if (_connection is not null)
                await _connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Waits until no other operation of this transaction uses the connection (one command at a time), then checks that
    /// <paramref name="level"/> can still run work: neither completed, nor aborted by a failed statement, nor lost.
    /// </summary>
    internal async ValueTask EnterAsync(RelGenTransaction level, DatabaseOperation operation, string? model, CancellationToken cancellationToken)
    {
        await _root._gate!.WaitAsync(cancellationToken).ConfigureAwait(false);
        level.ThrowIfUnusable(operation, model);
    }

    /// <summary>The synchronous form, for a relation loaded inside a property getter.</summary>
    internal void Enter(RelGenTransaction level, DatabaseOperation operation, string? model)
    {
        _root._gate!.Wait();
        level.ThrowIfUnusable(operation, model);
    }

    internal void Release() => _root._gate!.Release();

    private void ThrowIfUnusable(DatabaseOperation operation, string? model)
    {
        Exception? error = null;
        if (_state != State.Active)
            error = new InvalidOperationException("The transaction has already been committed or rolled back.");
        else if (_root._lostBy is { } lost)
            error = Lost(lost, operation, model);
        else if (FirstFailure() is { } failed)
            error = Aborted(failed, operation, model);
        if (error is not null)
        {
            _root.Release();
            throw error;
        }
    }

    /// <summary>
    /// Called by <see cref="ErrorTranslator"/> when a statement run at this level failed: a lost connection ends the whole
    /// transaction; any other error aborts this level until it is rolled back.
    /// </summary>
    internal void OnStatementFailed(DatabaseException error, bool broken, bool aborted)
    {
        if (broken)
            _root._lostBy ??= error;
        else if (aborted)
            _failedBy ??= error;
    }

    private DatabaseException? FirstFailure()
    {
        for (var level = this; level is not null; level = level._parent)
        {
            if (level._failedBy is { } failed)
                return failed;
        }
        return null;
    }

    /// <summary>The activity and metrics of one transaction-control statement (<c>COMMIT</c>, <c>ROLLBACK</c>, a savepoint's), when anything listens.</summary>
    private OperationObserver? Observe(DatabaseOperation operation, string sql)
    {
        var observer = OperationObserver.Start(Database, operation, model: null, table: null);
        if (observer is not null)
        {
            observer.Connected(_root._connection!);
            observer.Begin(sql);
        }
        return observer;
    }

    private Exception? Fail(Exception error, RelGenTransaction level, DatabaseOperation operation, CancellationToken cancellationToken)
        => ErrorTranslator.Translate(error, level, _root._connection, operation, null, ExecutionStage.Executing, cancellationToken);

    /// <summary>
    /// Commits: the outermost transaction sends COMMIT and then runs the callbacks registered with <c>OnCommit</c>; a nested one
    /// releases its savepoint and hands its callbacks to the transaction around it. Throws
    /// <see cref="TransactionAbortedException"/> (after rolling back) when a statement of it failed,
    /// <see cref="ConnectionLostException"/> when its connection was lost before the commit (nothing was committed), and
    /// <see cref="TransactionOutcomeUnknownException"/> when the connection broke during the commit itself.
    /// </summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfCompleted();
        if (_child is { IsActive: true })
            throw new InvalidOperationException("A nested transaction of this transaction is still open: commit or dispose it first.");
        if (_root._lostBy is { } lost)
        {
            await CompleteAsync(State.RolledBack).ConfigureAwait(false);
            throw Lost(lost, DatabaseOperation.Commit, null);
        }
        if (FirstFailure() is { } failed)
        {
            await RollbackCoreAsync(cancellationToken).ConfigureAwait(false);
            throw Aborted(failed, DatabaseOperation.Commit, null);
        }
        if (_parent is not null)
        {
            await ReleaseSavepointAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        cancellationToken.ThrowIfCancellationRequested();
        await _gate!.WaitAsync(cancellationToken).ConfigureAwait(false);
        var committed = false;
        var observer = Observe(DatabaseOperation.Commit, "COMMIT");
        try
        {
            Database.Log.Command("COMMIT");
            // Once COMMIT is sent it is not cancelled: a cancellation could not tell whether it happened.
            await _transaction!.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            committed = true;
            if (Database.Replicas is not null)
                await Database.EndWriteAsync(_connection!).ConfigureAwait(false);
        }
        catch (Exception e) when (OperationObserver.Observe(observer, e,
            ErrorTranslator.Translate(e, this, _connection, DatabaseOperation.Commit, null, ExecutionStage.Committing, cancellationToken)) is { } error)
        {
            throw error;
        }
        finally
        {
            observer?.End();
            _gate.Release();
            await CompleteAsync(committed ? State.Committed : State.RolledBack).ConfigureAwait(false);
        }
        await RunOnCommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task ReleaseSavepointAsync(CancellationToken cancellationToken)
    {
        await _root.EnterAsync(this, DatabaseOperation.Commit, null, cancellationToken).ConfigureAwait(false);
        var observer = Observe(DatabaseOperation.Commit, "RELEASE SAVEPOINT " + _savepoint);
        try
        {
            Database.Log.Command("RELEASE SAVEPOINT " + _savepoint);
            await _root._transaction!.ReleaseAsync(_savepoint!, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (OperationObserver.Observe(observer, e, Fail(e, this, DatabaseOperation.Commit, cancellationToken)) is { } error)
        {
            throw error;
        }
        finally
        {
            observer?.End();
            _root.Release();
        }
        if (_onCommit is not null)
            (_parent!._onCommit ??= []).AddRange(_onCommit);
        _onCommit = null;
        await CompleteAsync(State.Committed).ConfigureAwait(false);
    }

    /// <summary>Rolls back: the whole transaction, or a nested one back to its savepoint (the transaction around it goes on).</summary>
    public Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfCompleted();
        return RollbackCoreAsync(cancellationToken);
    }

    private async Task RollbackCoreAsync(CancellationToken cancellationToken)
    {
        // An open nested transaction goes with this one (CompleteAsync ends it): no statement of its own.
        if (_root._lostBy is not null)
        {
            // The server rolled everything back when the connection went.
            await CompleteAsync(State.RolledBack).ConfigureAwait(false);
            return;
        }
        await _root._gate!.WaitAsync(cancellationToken).ConfigureAwait(false);
        var observer = Observe(DatabaseOperation.Transaction, _parent is null ? "ROLLBACK" : "ROLLBACK TO SAVEPOINT " + _savepoint);
        try
        {
            if (_parent is null)
            {
                Database.Log.Command("ROLLBACK");
                await _transaction!.RollbackAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Database.Log.Command("ROLLBACK TO SAVEPOINT " + _savepoint);
                await _root._transaction!.RollbackAsync(_savepoint!, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (OperationObserver.Observe(observer, e, Fail(e, this, DatabaseOperation.Transaction, cancellationToken)) is { } error)
        {
            // A rollback that loses the connection has still rolled back (the server does so when the session ends).
            if (_root._lostBy is null)
                throw error;
        }
        finally
        {
            observer?.End();
            _root.Release();
            await CompleteAsync(State.RolledBack).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs <paramref name="callback"/> after the outermost transaction commits (Django's <c>on_commit</c>): not when it rolls
    /// back, and not when the savepoint it was registered in rolls back. Callbacks run in the order registered, after the
    /// connection is released; when one throws, the exception leaves <see cref="CommitAsync"/> (the data is committed) and the
    /// later ones do not run.
    /// </summary>
    public void OnCommit(Func<CancellationToken, Task> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ThrowIfCompleted();
        (_onCommit ??= []).Add(callback);
    }

    /// <summary>The synchronous form of <see cref="OnCommit(Func{CancellationToken, Task})"/>.</summary>
    public void OnCommit(Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        OnCommit(_ =>
        {
            callback();
            return Task.CompletedTask;
        });
    }

    private async Task RunOnCommitAsync(CancellationToken cancellationToken)
    {
        var callbacks = _onCommit;
        _onCommit = null;
        if (callbacks is null)
            return;
        foreach (var callback in callbacks)
            await callback(cancellationToken).ConfigureAwait(false);
    }

    private void ThrowIfCompleted()
    {
        if (_state != State.Active)
            throw new InvalidOperationException("The transaction has already been committed or rolled back.");
    }

    /// <summary>Ends this level: a nested one lets its parent nest again; the outermost returns its connection to the pool.</summary>
    private async ValueTask CompleteAsync(State state)
    {
        if (_state != State.Active)
            return;
        _state = state;
        if (state != State.Committed)
            _onCommit = null;
        if (_child is { } child)
            await child.CompleteAsync(State.RolledBack).ConfigureAwait(false);
        if (_parent is not null)
        {
            if (ReferenceEquals(_parent._child, this))
                _parent._child = null;
            return;
        }
        if (_transaction is not null)
            await _transaction.DisposeAsync().ConfigureAwait(false);
        if (_connection is not null)
            await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private ConnectionLostException Lost(DatabaseException lost, DatabaseOperation operation, string? model)
        => new($"{DatabaseException.Describe(operation, model)}: the transaction's connection to PostgreSQL was lost earlier ({lost.SqlState ?? lost.InnerException?.Message}), "
               + "so the server rolled the transaction back. Run it again in a new transaction.", lost.SqlState, model, operation, lost);

    private static TransactionAbortedException Aborted(DatabaseException failed, DatabaseOperation operation, string? model)
        => new($"{DatabaseException.Describe(operation, model)}: an earlier statement of this transaction failed ({failed.Message}), so PostgreSQL "
               + "ignores the rest of it; roll it back (or dispose the nested transaction the failure happened in) before going on.",
            model, operation, failed);

    /// <summary>Rolls back unless committed, and ends the transaction's hold on this async flow.</summary>
    public ValueTask DisposeAsync()
    {
        // Runs synchronously up to the first await, so clearing the ambient value reaches the caller's flow.
        Database.ClearAmbient(this, _parent);
        return DisposeCoreAsync();
    }

    private async ValueTask DisposeCoreAsync()
    {
        if (_state == State.Starting)
            return;
        if (_state == State.Active)
        {
            try
            {
                await RollbackCoreAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (RelGenException)
            {
                // Disposing must not throw; the connection is closed below, which ends the transaction anyway.
            }
            catch (NpgsqlException)
            {
            }
        }
        await CompleteAsync(State.RolledBack).ConfigureAwait(false);
    }

    /// <summary>Does what <see cref="DisposeAsync"/> does, blocking until it is done; prefer <c>await using</c>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private enum State
    {
        Starting,
        Active,
        Committed,
        RolledBack,
    }
}
