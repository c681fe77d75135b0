using System.Runtime.CompilerServices;
using Npgsql;
using RelGen.Execution;
using RelGen.Schema;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>Reads the rows of one select query as objects, with their select-related objects attached.</summary>
internal sealed class ModelReader<T> : IAsyncDisposable where T : class, IModel<T>
{
    private readonly RelGenDatabase _database;
    private readonly ModelMeta<T> _meta;
    private readonly QueryState _state;
    private readonly CompiledQuery _compiled;
    private ConnectionLease _lease;
    private NpgsqlCommand? _command;
    private NpgsqlDataReader? _reader;
    private readonly Loading.PeerGroup? _peers;

    private ModelReader(RelGenDatabase database, QueryState state, CompiledQuery compiled)
    {
        _database = database;
        _meta = T.Meta;
        _state = state;
        _compiled = compiled;
        // Peers need a shared group; an explicit mode must travel with each object. Otherwise nothing is allocated.
        var mode = state.FetchMode ?? database.FetchMode;
        if (state.FetchMode is not null || mode == FetchMode.Peers)
            _peers = new Loading.PeerGroup(mode);
    }

    public T Current { get; private set; } = null!;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<ModelReader<T>> OpenAsync(RelGenDatabase database, QueryState state, bool async, CancellationToken cancellationToken)
    {
        var reader = new ModelReader<T>(database, state, QueryCompiler.Compile(state, QueryKind.Select));
        reader._lease = await database.AcquireAsync(async, cancellationToken).ConfigureAwait(false);
        try
        {
            reader._command = database.CreateCommand(reader._lease, reader._compiled.Sql);
            state.AddParameters(reader._command.Parameters);
            await RelGenDatabase.PrepareAsync(reader._command, async, cancellationToken).ConfigureAwait(false);
            reader._reader = async
                ? await reader._command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false)
                : reader._command.ExecuteReader();
            return reader;
        }
        catch
        {
            await reader.DisposeAsync(async).ConfigureAwait(false);
            throw;
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> ReadAsync(bool async, CancellationToken cancellationToken)
    {
        var reader = _reader!;
        if (!(async ? await reader.ReadAsync(cancellationToken).ConfigureAwait(false) : reader.Read()))
            return false;
        var entity = _meta.Read(reader, 0);
        ((IModel)entity).RelGenDatabase = _database;
        if (_state.SelectRelated.Length > 0)
            AttachRelated(entity, reader);
        // After select-related, so the manager's owner wins over a second copy of itself.
        if (_state.Known is { } known && Equals(_meta.GetRelationKey(entity, known.Relation.Index), known.OwnerKey))
            _meta.SetRelated(entity, known.Relation.Index, known.Owner);
        if (_peers is not null)
        {
            _peers.Members.Add(entity);
            ((IModel)entity).RelGenExtras = new EntityExtras { Peers = _peers };
        }
        Current = entity;
        return true;
    }

    public ValueTask<bool> ReadAsync(CancellationToken cancellationToken) => ReadAsync(async: true, cancellationToken);

    private void AttachRelated(T entity, NpgsqlDataReader reader)
    {
        // Paths are attached in order, so a chained path (a.Reporter.Editor) finds its parent object loaded.
        var paths = _state.SelectRelated;
        for (var i = 0; i < paths.Length; i++)
        {
            var path = paths[i];
            var target = path.Model;
            var offset = _compiled.RelatedOffsets[i];
            object? related = null;
            if (!reader.IsDBNull(offset + target.KeyOrdinal))
            {
                related = target.ReadObject(reader, offset);
                ((IModel)related).RelGenDatabase = _database;
            }
            var owner = OwnerOf(entity, path.Parent);
            if (owner is not null)
                path.Relation.Source.SetRelated(owner, path.Relation.Index, related);
        }
    }

    private static object? OwnerOf(T entity, RelationPath? path)
    {
        if (path is null)
            return entity;
        var parent = OwnerOf(entity, path.Parent);
        return parent is null ? null : path.Relation.Source.GetRelated(parent, path.Relation.Index);
    }

    public ValueTask DisposeAsync() => DisposeAsync(async: true);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask DisposeAsync(bool async)
    {
        if (_reader is not null)
        {
            if (async)
                await _reader.DisposeAsync().ConfigureAwait(false);
            else
                _reader.Dispose();
        }
        if (_command is not null)
        {
            if (async)
                await _command.DisposeAsync().ConfigureAwait(false);
            else
                _command.Dispose();
        }
        if (_lease.Connection is not null)
            await _lease.DisposeAsync(async).ConfigureAwait(false);
    }
}
