using Npgsql;
using RelGen.Execution;
using RelGen.Query;
using RelGen.Sql;

namespace RelGen.Loading;

/// <summary>
/// <c>await foreach</c> over a query with <c>PrefetchRelated</c>: the rows come through a server-side cursor in chunks of
/// <see cref="RowMaterializer{T}.PeerChunk"/>, and each chunk's relations are prefetched before its objects are yielded, on
/// the same connection (inside the ambient transaction, or a read-only one of its own, which the cursor needs), so memory
/// stays bounded by a chunk and every object sees what was prefetched for it.
/// </summary>
internal sealed class PrefetchingEnumerator<T>(RelGenDatabase database, QueryState state, CancellationToken cancellationToken) : IAsyncEnumerator<T>
    where T : class, IModel<T>
{
    private static long _cursors;

    private readonly List<T> _chunk = [];
    private ConnectionLease _lease;
    private NpgsqlTransaction? _ownTransaction;
    private RowMaterializer<T>? _rows;
    private string? _cursor;
    private int _next;
    private bool _exhausted;
    private bool _faulted;

    public T Current { get; private set; } = null!;

    public ValueTask<bool> MoveNextAsync()
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_next < _chunk.Count)
        {
            Current = _chunk[_next++];
            return new ValueTask<bool>(true);
        }
        return _exhausted ? new ValueTask<bool>(false) : NextChunkAsync();
    }

    private async ValueTask<bool> NextChunkAsync()
    {
        try
        {
            if (_cursor is null)
                await OpenAsync().ConfigureAwait(false);
            _chunk.Clear();
            _next = 0;
            await using (var fetch = database.CreateCommand(_lease, $"FETCH FORWARD {RowMaterializer<T>.PeerChunk} FROM {_cursor}"))
            await using (var reader = await fetch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    _chunk.Add(_rows!.Read(reader));
            }
            _exhausted = _chunk.Count < RowMaterializer<T>.PeerChunk;
            if (_chunk.Count == 0)
                return false;
            await PrefetchRunner.RunAsync(database, _chunk, state.Prefetch, _lease, cancellationToken).ConfigureAwait(false);
            Current = _chunk[_next++];
            return true;
        }
        catch
        {
            _faulted = true;
            throw;
        }
    }

    private async Task OpenAsync()
    {
        _lease = await database.AcquireAsync(cancellationToken).ConfigureAwait(false);
        if (_lease.Transaction is null)
        {
            database.Log.Command("BEGIN");
            _ownTransaction = await _lease.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        }
        var cursor = "relgen_stream_" + Interlocked.Increment(ref _cursors).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var declare = new NpgsqlCommand { Connection = _lease.Connection, Transaction = _lease.Transaction ?? _ownTransaction };
        var writer = ShapeWriter.Rent(declare.Parameters);
        CompiledQuery compiled;
        try
        {
            state.Write(writer, QueryKind.Select);
            compiled = QueryCache.Get(writer);
        }
        finally
        {
            ShapeWriter.Return(writer);
        }
        declare.CommandText = $"DECLARE {cursor} NO SCROLL CURSOR FOR {compiled.Sql}";
        database.Log.Command(declare.CommandText);
        await declare.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        _cursor = cursor;
        _rows = new RowMaterializer<T>(database, state, compiled);
    }

    public async ValueTask DisposeAsync()
    {
        if (_lease.Connection is null)
            return;
        try
        {
            if (_ownTransaction is not null)
            {
                // Read only: ending it closes the cursor.
                database.Log.Command("ROLLBACK");
                await _ownTransaction.DisposeAsync().ConfigureAwait(false);
            }
            else if (_cursor is not null && !_faulted)
            {
                await using var close = database.CreateCommand(_lease, $"CLOSE {_cursor}");
                await close.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            await _lease.DisposeAsync().ConfigureAwait(false);
        }
    }
}
