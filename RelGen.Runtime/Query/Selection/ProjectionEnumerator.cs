using Npgsql;
using RelGen.Execution;
using RelGen.Metadata;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// Streams a projection's rows for <c>await foreach</c>: the connection is opened by the first <see cref="MoveNextAsync"/> and
/// held until disposal; a buffered row costs one synchronous read.
/// </summary>
internal sealed class ProjectionEnumerator<TResult>(RelGenDatabase database, QueryState state, Projection<TResult> projection, CancellationToken cancellationToken)
    : IAsyncEnumerator<TResult>
{
    private ConnectionLease _lease;
    private NpgsqlCommand? _command;
    private NpgsqlDataReader? _reader;
    private LoadContext? _context;
    private bool _exhausted;

    public TResult Current { get; private set; } = default!;

    public ValueTask<bool> MoveNextAsync()
    {
        if (_reader is null)
            return OpenAndReadAsync();
        cancellationToken.ThrowIfCancellationRequested();
        var read = _reader.ReadAsync(cancellationToken);
        return read.IsCompletedSuccessfully ? new ValueTask<bool>(Take(read.Result)) : AwaitReadAsync(read);
    }

    private bool Take(bool read)
    {
        if (read)
            Current = projection.Read(_reader!, _context!);
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
        catch (Exception e) when (_lease.Translate(e, cancellationToken) is { } error)
        {
            throw error;
        }
    }

    private async ValueTask<bool> OpenAndReadAsync()
    {
        _lease = await database.AcquireReadAsync(DatabaseOperation.Query, state.Model, state.ReadRoute, state.AllowStale, cancellationToken).ConfigureAwait(false);
        try
        {
            _command = QueryCommand.Create(_lease);
            QueryCommand.Bind(database, _command, state, QueryKind.Values);
            _reader = await _lease.ExecutePreparedReaderAsync(_command, cancellationToken).ConfigureAwait(false);
            _context = ProjectionExecutor.ContextFor(database, state);
            return Take(await _reader.ReadAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (_lease.Translate(e, cancellationToken) is { } error)
        {
            throw error;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_reader is not null)
        {
            if (!_exhausted)
                AbandonedRead.CancelStatement(_command!, _lease);   // left early: cancel rather than drain the rest
            await _reader.DisposeAsync().ConfigureAwait(false);
        }
        if (_command is not null)
            await _command.DisposeAsync().ConfigureAwait(false);
        if (_lease.Connection is not null)
            await _lease.DisposeAsync().ConfigureAwait(false);
    }
}
