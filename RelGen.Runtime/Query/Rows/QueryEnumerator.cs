using Npgsql;
using RelGen.Execution;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// Streams a select query's objects for <c>await foreach</c>. Hand-written rather than an async iterator: a row that is
/// already buffered costs one synchronous <c>ReadAsync</c> and no state machine. The cancellation token is observed on
/// every row, also for rows already received. Three ways to stream:
/// <list type="bullet">
/// <item>Plain: row by row from an open reader; the connection is held until disposal.</item>
/// <item>Chunked, in <see cref="FetchMode.Peers"/>: rows are read a chunk ahead (Django's iterator chunks), so the peers
/// whose relations load together are the whole chunk.</item>
/// <item>Inside a transaction: its one connection cannot run another command while a reader is open, and the loop's body
/// (a save, a lazy load, a prefetch) needs it. The query becomes a cursor (<c>DECLARE … CURSOR</c>) and each chunk a
/// <c>FETCH</c>, holding the connection only while a chunk is read: memory stays flat and other work runs in between.</item>
/// <item>With <c>PrefetchRelated</c> outside a transaction: the same cursor, in a read-only transaction of the stream's
/// own, so each chunk's relations are prefetched on the stream's connection before its first object is yielded (a second
/// pooled connection could wait forever on a pool of one).</item>
/// </list>
/// Leaving a stream early (or cancelling it) cancels the statement on the server rather than draining its rows. Every
/// database failure goes through the lease that ran the command (<see cref="ConnectionLease.Translate"/>), so it arrives typed.
/// </summary>
internal sealed class QueryEnumerator<T> : IAsyncEnumerator<T> where T : class, IModel<T>
{
    private readonly RelGenDatabase _database;
    private readonly QueryState _state;
    private readonly CancellationToken _cancellationToken;
    private RowMaterializer<T>? _rows;
    private ConnectionLease _lease;
    private NpgsqlCommand? _command;
    private NpgsqlDataReader? _reader;
    private bool _chunked;
    private List<T>? _chunk;
    private int _next;
    private bool _exhausted;
    private string? _cursor;
    private NpgsqlConnection? _cursorConnection;
    private NpgsqlTransaction? _ownTransaction;

    public QueryEnumerator(RelGenDatabase database, QueryState state, CancellationToken cancellationToken)
    {
        _database = database;
        _state = state;
        _cancellationToken = cancellationToken;
    }

    public T Current { get; private set; } = null!;

    public ValueTask<bool> MoveNextAsync()
    {
        if (_rows is null)
            return OpenAndReadAsync();
        _cancellationToken.ThrowIfCancellationRequested();
        if (_chunked)
            return NextInChunkAsync();
        var read = _reader!.ReadAsync(_cancellationToken);
        return read.IsCompletedSuccessfully ? new ValueTask<bool>(Take(read.Result)) : AwaitReadAsync(read);
    }

    private bool Take(bool read)
    {
        if (read)
            Current = _rows!.Read(_reader!);
        else
            _exhausted = true;
        return read;
    }

    private async ValueTask<bool> AwaitReadAsync(Task<bool> read)
    {
        try
        {
            return Take(await read.ConfigureAwait(false));
        }
        catch (Exception e) when (_lease.Translate(e, _cancellationToken) is { } error)
        {
            throw error;
        }
    }

    private async ValueTask<bool> OpenAndReadAsync()
    {
        _lease = await _database.AcquireReadAsync(DatabaseOperation.Query, _state.Model, _state.ReadRoute, _state.AllowStale, _cancellationToken).ConfigureAwait(false);
        var lease = _lease;   // the cursor paths release _lease: errors are translated by the lease that ran the command
        try
        {
            _command = QueryCommand.Create(_lease);
            if (_lease.Ambient is not null)
                return await DeclareCursorAsync().ConfigureAwait(false);
            if (_state.Prefetch.Length > 0)
            {
                _database.Log.Command("BEGIN");
                _ownTransaction = await _lease.Connection.BeginTransactionAsync(_cancellationToken).ConfigureAwait(false);
                _command.Transaction = _ownTransaction;
                return await DeclareCursorAsync().ConfigureAwait(false);
            }
            var compiled = QueryCommand.Bind(_database, _command, _state, QueryKind.Select);
            _rows = new RowMaterializer<T>(_database, _state, compiled);
            _reader = await _lease.ExecutePreparedReaderAsync(_command, _cancellationToken).ConfigureAwait(false);
            if (_rows.ChunksPeers)
            {
                _chunked = true;
                return await ReadChunkAsync().ConfigureAwait(false);
            }
            return Take(await _reader.ReadAsync(_cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (lease.Translate(e, _cancellationToken) is { } error)
        {
            throw error;
        }
    }

    /// <summary>
    /// Declares the query as a cursor of the transaction, frees the connection (unless the transaction is the stream's
    /// own), then fetches the first chunk.
    /// </summary>
    private async ValueTask<bool> DeclareCursorAsync()
    {
        try
        {
            var cursor = StreamCursors.Next();
            var compiled = QueryCommand.BindCursor(_database, _command!, _state, cursor);
            _rows = new RowMaterializer<T>(_database, _state, compiled);
            await _lease.ExecuteNonQueryAsync(_command!, _cancellationToken).ConfigureAwait(false);
            _cursor = cursor;
            _cursorConnection = _lease.Connection;
        }
        finally
        {
            await _command!.DisposeAsync().ConfigureAwait(false);
            _command = null;
            if (_ownTransaction is null)
            {
                await _lease.DisposeAsync().ConfigureAwait(false);
                _lease = default;
            }
        }
        _chunked = true;
        return await ReadChunkAsync().ConfigureAwait(false);
    }

    private ValueTask<bool> NextInChunkAsync()
    {
        if (_chunk is not null && _next < _chunk.Count)
        {
            Current = _chunk[_next++];
            return new ValueTask<bool>(true);
        }
        return ReadChunkAsync();
    }

    /// <summary>
    /// Reads the next chunk of rows (in Peers mode one peer group, whose list the chunk is), prefetches its relations, then
    /// yields its first object.
    /// </summary>
    private async ValueTask<bool> ReadChunkAsync()
    {
        if (_exhausted)
            return false;
        _rows!.BeginChunk();
        int read;
        if (_cursor is null)
        {
            try
            {
                read = await ReadFromReaderAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (_lease.Translate(e, _cancellationToken) is { } error)
            {
                throw error;
            }
        }
        else
        {
            read = await FetchAsync().ConfigureAwait(false);
        }
        _rows.EndChunk();
        if (read == 0)
            return false;
        _chunk = _rows.Chunk;
        _next = 0;
        // On the stream's own transaction when it has one; in an ambient transaction, on its connection between fetches.
        await Loading.PrefetchRunner.RunAsync(_database, _chunk, _state.Prefetch, _ownTransaction is null ? null : _lease, _cancellationToken)
            .ConfigureAwait(false);
        Current = _chunk[_next++];
        return true;
    }

    /// <summary>Reads up to a chunk of rows into the materializer's chunk; returns how many.</summary>
    private async ValueTask<int> ReadFromReaderAsync()
    {
        var read = 0;
        while (read < RowMaterializer<T>.PeerChunk)
        {
            if (!await _reader!.ReadAsync(_cancellationToken).ConfigureAwait(false))
            {
                _exhausted = true;
                break;
            }
            _cancellationToken.ThrowIfCancellationRequested();
            _rows!.Read(_reader);
            read++;
        }
        return read;
    }

    /// <summary>
    /// One <c>FETCH</c> of the cursor into the materializer's chunk, on the transaction's connection, released as soon as the
    /// chunk is read (the stream's own transaction keeps its connection). Returns how many rows it read.
    /// </summary>
    private async ValueTask<int> FetchAsync()
    {
        var lease = _ownTransaction is null
            ? await _database.AcquireAsync(DatabaseOperation.Query, _state.Model, _cancellationToken).ConfigureAwait(false)
            : _lease;
        try
        {
            if (!ReferenceEquals(lease.Connection, _cursorConnection))
            {
                _cursor = null;
                throw new InvalidOperationException(
                    $"The transaction in which this stream of {T.RelGenModel.Name} objects started has ended; read its rows before committing or rolling back.");
            }
            await using var fetch = _database.CreateCommand(lease, "FETCH FORWARD " + RowMaterializer<T>.PeerChunk + " FROM " + _cursor);
            await using var reader = await lease.ExecuteReaderAsync(fetch, _cancellationToken).ConfigureAwait(false);
            var read = 0;
            while (await reader.ReadAsync(_cancellationToken).ConfigureAwait(false))
            {
                _cancellationToken.ThrowIfCancellationRequested();
                _rows!.Read(reader);
                read++;
            }
            _exhausted = read < RowMaterializer<T>.PeerChunk;
            return read;
        }
        catch (Exception e) when (lease.Translate(e, _cancellationToken) is { } error)
        {
            throw error;
        }
        finally
        {
            if (_ownTransaction is null)
                await lease.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _rows?.ReleaseChunkBuffer();
        if (_reader is not null)
        {
            if (!_exhausted)
                AbandonedRead.CancelStatement(_command!, _lease);
            await _reader.DisposeAsync().ConfigureAwait(false);
        }
        if (_command is not null)
            await _command.DisposeAsync().ConfigureAwait(false);
        if (_ownTransaction is not null)
        {
            // Read only: ending it closes the cursor.
            _cursor = null;
            _database.Log.Command("ROLLBACK");
            await _ownTransaction.DisposeAsync().ConfigureAwait(false);
        }
        if (_lease.Connection is not null)
            await _lease.DisposeAsync().ConfigureAwait(false);
        if (_cursor is not null)
            await CloseCursorAsync().ConfigureAwait(false);
    }

    /// <summary>Closes the cursor while its transaction lasts (a commit or rollback closes it anyway).</summary>
    private async ValueTask CloseCursorAsync()
    {
        var cursor = _cursor!;
        _cursor = null;
        if (!_database.InTransaction)
            return;
        var lease = await _database.AcquireAsync(DatabaseOperation.Query, _state.Model, CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (!ReferenceEquals(lease.Connection, _cursorConnection))
                return;
            await using var close = _database.CreateCommand(lease, "CLOSE " + cursor);
            await lease.ExecuteNonQueryAsync(close, CancellationToken.None).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // The transaction failed meanwhile (a cancelled FETCH, an error in the loop, a lost connection): its end closes the cursor.
        }
        finally
        {
            await lease.DisposeAsync().ConfigureAwait(false);
        }
    }
}
