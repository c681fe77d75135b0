using System.Runtime.CompilerServices;
using Npgsql;
using RelGen.Execution;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>Streams the rows of one select query as objects (<c>await foreach</c>); it owns its connection until disposed.</summary>
internal sealed class ModelReader<T> : IAsyncDisposable where T : class, IModel<T>
{
    private readonly RowMaterializer<T> _rows;
    private readonly ConnectionLease _lease;
    private readonly NpgsqlCommand _command;
    private readonly NpgsqlDataReader _reader;

    private ModelReader(RowMaterializer<T> rows, ConnectionLease lease, NpgsqlCommand command, NpgsqlDataReader reader)
    {
        _rows = rows;
        _lease = lease;
        _command = command;
        _reader = reader;
    }

    public T Current { get; private set; } = null!;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<ModelReader<T>> OpenAsync(RelGenDatabase database, QueryState state, bool async, CancellationToken cancellationToken)
    {
        var compiled = QueryCompiler.Compile(state, QueryKind.Select);
        var lease = await database.AcquireAsync(async, cancellationToken).ConfigureAwait(false);
        NpgsqlCommand? command = null;
        try
        {
            command = database.CreateCommand(lease, compiled.Sql);
            state.AddParameters(command.Parameters);
            var reader = await QueryExecutor.ExecuteReaderAsync(command, async, cancellationToken).ConfigureAwait(false);
            return new ModelReader<T>(new RowMaterializer<T>(database, state, compiled), lease, command, reader);
        }
        catch
        {
            if (command is not null)
                await command.DisposeAsync().ConfigureAwait(false);
            await lease.DisposeAsync(async).ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        if (!await _reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            return false;
        Current = _rows.Read(_reader);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.DisposeAsync().ConfigureAwait(false);
        await _command.DisposeAsync().ConfigureAwait(false);
        await _lease.DisposeAsync(async: true).ConfigureAwait(false);
    }
}
