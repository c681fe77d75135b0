using System.Data.Common;
using RelGen.Loading;
using RelGen.Metadata;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// Turns the current row of a select query into an object: select-related objects attached, the known owner set, peers
/// joined. One per query execution; it holds no rows, so streaming stays in constant memory whatever the fetch mode
/// (a peer group is at most <see cref="PeerChunk"/> objects, as Django's iterator chunks them).
/// </summary>
internal sealed class RowMaterializer<T> where T : class, IModel<T>
{
    /// <summary>How many streamed objects share one peer group.</summary>
    internal const int PeerChunk = 2000;

    private readonly RelGenDatabase _database;
    private readonly QueryState _state;
    private readonly int[] _relatedOffsets;
    private readonly ModelDescriptor<T> _model = T.RelGenModel;
    private readonly KnownRelated<T>? _known;
    private LoadContext _context;
    private IRowAttacher<T>[]? _related;

    public RowMaterializer(RelGenDatabase database, QueryState state, CompiledQuery compiled)
    {
        _database = database;
        _state = state;
        _relatedOffsets = compiled.RelatedOffsets;
        _known = state.Known as KnownRelated<T>;
        _context = NewContext();
    }

    /// <summary>
    /// True when the rows of <paramref name="state"/> are plain objects of the model: no select-related columns, no known
    /// owner, and the shared context of their route (no peers, no explicit fetch mode, no prefetch cache), which is then
    /// <paramref name="context"/>. Such a row needs only the model's reader, so a read that gets one need not allocate a
    /// materializer; what <see cref="Read"/> would do for it is exactly that.
    /// </summary>
    public static bool IsPlain(RelGenDatabase database, QueryState state, CompiledQuery compiled, out LoadContext context)
    {
        if (compiled.RelatedOffsets.Length == 0 && state.Known is null && state.FetchMode is null && state.Prefetch.Length == 0
            && database.FetchMode != FetchMode.Peers)
        {
            context = database.ContextFor(state.Route);
            return true;
        }
        context = null!;
        return false;
    }

    /// <summary>True when objects join peer groups of <see cref="PeerChunk"/> rows: a stream then reads a chunk ahead.</summary>
    public bool ChunksPeers => _context.Peers is not null;

    public T Read(DbDataReader reader)
    {
        var entity = _model.Read(reader, 0, _context);
        if (_relatedOffsets.Length > 0)
        {
            foreach (var attacher in _related ??= CreateAttachers())
                attacher.Attach(entity, reader);
        }
        // After select-related, so the manager's owner wins over a second copy of itself.
        _known?.Apply(entity);
        if (_context.Peers is PeerGroup<T> peers)
        {
            peers.Members.Add(entity);
            if (peers.Members.Count == PeerChunk)
            {
                _context = NewContext();
                _related = null;
            }
        }
        return entity;
    }

    /// <summary>
    /// Starts the objects of the next streamed chunk in a context of their own, as peers already do every
    /// <see cref="PeerChunk"/> rows: what a chunk's prefetch caches then goes with its objects, and is collected with them.
    /// </summary>
    public void NewChunk()
    {
        if (_context.Peers is null && !_database.IsSharedContext(_context))
        {
            _context = NewContext();
            _related = null;
        }
    }

    /// <summary>
    /// Peers need a group of their own; an explicit mode must travel with the objects; prefetch caches need a place per
    /// query. Otherwise the objects share the database's default context and nothing is allocated.
    /// </summary>
    private LoadContext NewContext()
    {
        var peers = (_state.FetchMode ?? _database.FetchMode) == FetchMode.Peers;
        if (!peers && _state.FetchMode is null && _state.Prefetch.Length == 0)
            return _database.ContextFor(_state.Route);
        return new LoadContext(_database, _state.FetchMode, peers ? new PeerGroup<T>() : null, _state.Route);
    }

    /// <summary>One attacher per path of the model itself; each builds those of the paths below it.</summary>
    private IRowAttacher<T>[] CreateAttachers()
    {
        var paths = _state.SelectRelated;
        var roots = new List<IRowAttacher<T>>();
        for (var i = 0; i < paths.Length; i++)
        {
            if (paths[i].Parent is null)
                roots.Add(paths[i].Relation.CreateAttacher<T>(paths[i], paths, _relatedOffsets, _context));
        }
        return [.. roots];
    }
}
