using Npgsql;
using RelGen.Execution;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// Streams a select query's objects for <c>await foreach</c>. Hand-written rather than an async iterator: a row that is
/// already buffered costs one synchronous <c>ReadAsync</c> and no state machine. The connection is opened by the first
/// <see cref="MoveNextAsync"/> and held until disposal; the cancellation token is observed on every row. In
/// <see cref="FetchMode.Peers"/> rows are read a chunk ahead (Django's iterator chunks), so the peers whose relations load
/// together are the whole chunk, not only the rows already seen.
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
    private List<T>? _chunk;
    private int _next;

    public QueryEnumerator(RelGenDatabase database, QueryState state, CancellationToken cancellationToken)
    {
        _database = database;
        _state = state;
        _cancellationToken = cancellationToken;
    }

    public T Current { get; private set; } = null!;

    public ValueTask<bool> MoveNextAsync()
    {
        if (_reader is null)
            return OpenAndReadAsync();
        _cancellationToken.ThrowIfCancellationRequested();
        if (_chunk is not null)
            return NextInChunkAsync();
        var read = _reader.ReadAsync(_cancellationToken);
        return read.IsCompletedSuccessfully ? new ValueTask<bool>(Take(read.Result)) : AwaitReadAsync(read);
    }

    private bool Take(bool read)
    {
        if (read)
            Current = _rows!.Read(_reader!);
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
        _lease = await _database.AcquireReadAsync(DatabaseOperation.Query, _state.Model.Name, _state.ReadRoute, _state.AllowStale, _cancellationToken).ConfigureAwait(false);
        try
        {
            _command = QueryCommand.Create(_lease);
            var compiled = QueryCommand.Bind(_database, _command, _state, QueryKind.Select);
            _rows = new RowMaterializer<T>(_database, _state, compiled);
            _reader = await _lease.ExecutePreparedReaderAsync(_command, _cancellationToken).ConfigureAwait(false);
            if (_rows.ChunksPeers)
            {
                _chunk = new List<T>(RowMaterializer<T>.PeerChunk);
                return await NextInChunkAsync().ConfigureAwait(false);
            }
            return Take(await _reader.ReadAsync(_cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (_lease.Translate(e, _cancellationToken) is { } error)
        {
            throw error;
        }
    }

    private ValueTask<bool> NextInChunkAsync()
    {
        if (_next < _chunk!.Count)
        {
            Current = _chunk[_next++];
            return new ValueTask<bool>(true);
        }
        return ReadChunkAsync();
    }

    /// <summary>Reads the next chunk of rows (one peer group), then yields its first object.</summary>
    private async ValueTask<bool> ReadChunkAsync()
    {
        _chunk!.Clear();
        _next = 0;
        try
        {
            while (_chunk.Count < RowMaterializer<T>.PeerChunk && await _reader!.ReadAsync(_cancellationToken).ConfigureAwait(false))
                _chunk.Add(_rows!.Read(_reader));
        }
        catch (Exception e) when (_lease.Translate(e, _cancellationToken) is { } error)
        {
            throw error;
        }
        if (_chunk.Count == 0)
            return false;
        Current = _chunk[_next++];
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_reader is not null)
            await _reader.DisposeAsync().ConfigureAwait(false);
        if (_command is not null)
            await _command.DisposeAsync().ConfigureAwait(false);
        if (_lease.Connection is not null)
            await _lease.DisposeAsync().ConfigureAwait(false);
    }
}
