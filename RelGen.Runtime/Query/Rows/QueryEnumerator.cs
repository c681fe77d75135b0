using Npgsql;
using RelGen.Execution;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// Streams a select query's objects for <c>await foreach</c>. Hand-written rather than an async iterator: a row that is
/// already buffered costs one synchronous <c>ReadAsync</c> and no state machine. The connection is opened by the first
/// <see cref="MoveNextAsync"/> and held until disposal.
/// </summary>
internal sealed class QueryEnumerator<T> : IAsyncEnumerator<T> where T : class, IModel<T>
{
    private readonly RelGenDatabase _database;
    private readonly QueryState _state;
    private readonly CancellationToken _cancellationToken;
    private RowMaterializer<T> _rows;
    private ConnectionLease _lease;
    private NpgsqlCommand? _command;
    private NpgsqlDataReader? _reader;

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
        var read = _reader.ReadAsync(_cancellationToken);
        return read.IsCompletedSuccessfully ? new ValueTask<bool>(Take(read.Result)) : AwaitReadAsync(read);
    }

    private bool Take(bool read)
    {
        if (read)
            Current = _rows.Read(_reader!);
        return read;
    }

    private async ValueTask<bool> AwaitReadAsync(Task<bool> read) => Take(await read.ConfigureAwait(false));

    private async ValueTask<bool> OpenAndReadAsync()
    {
        var compiled = QueryCompiler.Compile(_state, QueryKind.Select);
        _rows = new RowMaterializer<T>(_database, _state, compiled);
        _lease = await _database.AcquireAsync(async: true, _cancellationToken).ConfigureAwait(false);
        _command = _database.CreateCommand(_lease, compiled.Sql);
        _state.AddParameters(_command.Parameters);
        _reader = await QueryExecutor.ExecuteReaderAsync(_command, async: true, _cancellationToken).ConfigureAwait(false);
        return Take(await _reader.ReadAsync(_cancellationToken).ConfigureAwait(false));
    }

    public async ValueTask DisposeAsync()
    {
        if (_reader is not null)
            await _reader.DisposeAsync().ConfigureAwait(false);
        if (_command is not null)
            await _command.DisposeAsync().ConfigureAwait(false);
        if (_lease.Connection is not null)
            await _lease.DisposeAsync(async: true).ConfigureAwait(false);
    }
}
