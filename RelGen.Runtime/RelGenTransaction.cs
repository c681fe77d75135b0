using Npgsql;

namespace RelGen;

/// <summary>
/// A transaction on a <see cref="RelGenDatabase"/>. Work on the same database in the same async flow
/// joins it; disposing without <see cref="CommitAsync"/> rolls back.
/// </summary>
public sealed class RelGenTransaction : IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly RelGenTransaction? _outer;
    private NpgsqlConnection? _connection;
    private bool _completed;

    internal RelGenTransaction(RelGenDatabase database, RelGenTransaction? outer)
    {
        Database = database;
        _outer = outer;
    }

    public RelGenDatabase Database { get; }

    internal NpgsqlTransaction? Transaction { get; private set; }

    internal NpgsqlConnection Connection => _connection ?? throw new InvalidOperationException("The transaction has not started.");

    internal bool IsActive => !_completed && Transaction is not null;

    internal async Task<RelGenTransaction> StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _connection = await Database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            Database.Log.Command("BEGIN");
            Transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            return this;
        }
        catch
        {
            Database.ClearAmbient(this, _outer);
            if (_connection is not null)
                await _connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits until no other operation of this flow uses the connection (one command at a time).</summary>
    internal async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        ThrowIfCompleted();
    }

    /// <summary>The synchronous form, for a relation loaded inside a property getter.</summary>
    internal void Acquire()
    {
        _gate.Wait();
        ThrowIfCompleted();
    }

    private void ThrowIfCompleted()
    {
        if (_completed)
        {
            _gate.Release();
            throw new InvalidOperationException("The transaction has already been committed or rolled back.");
        }
    }

    internal void Release() => _gate.Release();

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        Database.Log.Command("COMMIT");
        try
        {
            await Transaction!.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (Errors.IsIntegrityError(e))
        {
            throw new IntegrityException(e);
        }
        finally
        {
            _completed = true;
        }
    }

    public async Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _completed = true;
        Database.Log.Command("ROLLBACK");
        await Transaction!.RollbackAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rolls back unless committed, and ends the transaction's hold on this async flow.</summary>
    public ValueTask DisposeAsync()
    {
        // Runs synchronously up to the first await, so clearing the ambient value reaches the caller's flow.
        Database.ClearAmbient(this, _outer);
        return DisposeCoreAsync();
    }

    private async ValueTask DisposeCoreAsync()
    {
        if (!_completed && Transaction is not null)
        {
            _completed = true;
            Database.Log.Command("ROLLBACK");
            try
            {
                await Transaction.RollbackAsync().ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // The connection is broken; closing it ends the transaction anyway.
            }
        }
        _completed = true;
        if (Transaction is not null)
            await Transaction.DisposeAsync().ConfigureAwait(false);
        if (_connection is not null)
            await _connection.DisposeAsync().ConfigureAwait(false);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
