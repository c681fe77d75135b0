using System.Buffers;
using System.Data.Common;
using System.Runtime.InteropServices;
using RelGen.Loading;
using RelGen.Metadata;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// Turns the current row of a select query into an object: select-related objects attached, the known owner set, peers
/// joined. One per query execution; it holds at most the current chunk's objects, so streaming stays in constant memory
/// whatever the fetch mode (a peer group is at most <see cref="PeerChunk"/> objects, as Django's iterator chunks them).
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
    private readonly bool _peers;
    private LoadContext _context;
    private IRowAttacher<T>[]? _related;

    /// <summary>
    /// Where each object read also goes: in Peers mode the current peer group's members (which, streaming, are the chunk
    /// itself); streaming in another mode, the stream's chunk; otherwise null.
    /// </summary>
    private List<T>? _collected;

    /// <summary>
    /// A streamed chunk's objects in Peers mode while it is read (pooled, cleared after each chunk): the peer group's list is
    /// then made at the chunk's exact size (<see cref="EndChunk"/>) instead of growing through 4, 8, … 2,048 slots.
    /// </summary>
    private T[]? _chunkBuffer;
    private int _buffered;

    public RowMaterializer(RelGenDatabase database, QueryState state, CompiledQuery compiled)
    {
        _database = database;
        _state = state;
        _relatedOffsets = compiled.RelatedOffsets;
        _known = state.Known as KnownRelated<T>;
        _peers = (state.FetchMode ?? database.FetchMode) == FetchMode.Peers;
        // The first group grows as rows come: a short result (a GetAsync, most lists) does not pay for 2,000 slots (16 KB);
        // at 1,000 rows growing and a full list allocate the same, and a longer result pays one extra full list's worth once.
        if (_peers)
            _collected = [];
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
        if (compiled.RelatedOffsets.Length == 0 && state.Known is null && SharesContext(database, state))
        {
            context = database.ContextFor(state.Route);
            return true;
        }
        context = null!;
        return false;
    }

    /// <summary>True when objects join peer groups of <see cref="PeerChunk"/> rows: a stream then reads a chunk ahead.</summary>
    public bool ChunksPeers => _peers;

    /// <summary>
    /// Reads the current row. In Peers mode the object joins the current peer group, and every <see cref="PeerChunk"/>
    /// objects start a new one; in a streamed chunk (<see cref="BeginChunk"/>) it is added to <see cref="Chunk"/>.
    /// </summary>
    public T Read(DbDataReader reader)
    {
        // Past a full group: the next starts at the full size, as it is likely filled too (a stream's last chunk may waste
        // part of one list; growing would allocate about twice a full list for every chunk).
        if (_peers && _collected!.Count == PeerChunk)
            StartPeerGroup(_chunkBuffer is null ? PeerChunk : 0);
        var entity = _model.Read(reader, 0, _context);
        if (_relatedOffsets.Length > 0)
        {
            foreach (var attacher in _related ??= CreateAttachers())
                attacher.Attach(entity, reader);
        }
        // After select-related, so the manager's owner wins over a second copy of itself.
        _known?.Apply(entity);
        if (_chunkBuffer is not null)
            _chunkBuffer[_buffered++] = entity;
        else
            _collected?.Add(entity);
        return entity;
    }

    /// <summary>
    /// Starts the next streamed chunk, whose objects <see cref="Read"/> collects into <see cref="Chunk"/> (the caller reads at
    /// most <see cref="PeerChunk"/> rows, fewer only at the end, then calls <see cref="EndChunk"/>). In Peers mode the chunk is
    /// a peer group: a new group, with a new list, starts in <see cref="Read"/> after every <see cref="PeerChunk"/> objects,
    /// which is exactly where a chunk ends, so nothing is allocated for a chunk that turns out empty; the objects gather in a
    /// pooled buffer and the list, made at the chunk's size, is never cleared (the objects keep their group for later loads).
    /// Otherwise one list is reused, and each chunk after the first gets a context of its own (unless the objects share the
    /// database's), so what its prefetch caches goes with its objects and is collected with them.
    /// </summary>
    public void BeginChunk()
    {
        if (_peers)
        {
            _chunkBuffer ??= ArrayPool<T>.Shared.Rent(PeerChunk);
            return;
        }
        if (_collected is null)
        {
            _collected = [];
            return;
        }
        _collected.Clear();
        if (!_database.IsSharedContext(_context))
        {
            _context = NewContext();
            _related = null;
        }
    }

    /// <summary>
    /// Ends a streamed chunk: in Peers mode its objects move from the pooled buffer into the peer group's list, allocated at
    /// their number, and the buffer forgets them (it must not keep a chunk's objects alive).
    /// </summary>
    public void EndChunk()
    {
        if (_chunkBuffer is null || _buffered == 0)
            return;
        var list = _collected!;
        list.Capacity = _buffered;
        CollectionsMarshal.SetCount(list, _buffered);
        _chunkBuffer.AsSpan(0, _buffered).CopyTo(CollectionsMarshal.AsSpan(list));
        Array.Clear(_chunkBuffer, 0, _buffered);
        _buffered = 0;
    }

    /// <summary>Gives the chunk buffer back to the pool, emptied (a stream left in the middle of a chunk may have filled part of it).</summary>
    public void ReleaseChunkBuffer()
    {
        if (_chunkBuffer is null)
            return;
        ArrayPool<T>.Shared.Return(_chunkBuffer, clearArray: true);
        _chunkBuffer = null;
        _buffered = 0;
    }

    /// <summary>The objects of the current streamed chunk (in Peers mode, its peer group's list), in row order.</summary>
    public List<T> Chunk => _collected!;

    private void StartPeerGroup(int capacity)
    {
        _collected = new List<T>(capacity);
        _context = NewContext();
        _related = null;
    }

    /// <summary>
    /// Peers need a group of their own (over <see cref="_collected"/>); an explicit mode must travel with the objects;
    /// prefetch caches need a place per query. Otherwise the objects share the database's default context and nothing is
    /// allocated.
    /// </summary>
    private LoadContext NewContext()
    {
        if (SharesContext(_database, _state))
            return _database.ContextFor(_state.Route);
        return new LoadContext(_database, _state.FetchMode, _peers ? new PeerGroup<T>(_collected!) : null, _state.Route);
    }

    /// <summary>
    /// True when the objects of <paramref name="state"/> need no context of their own: no peers, no explicit fetch mode, no
    /// prefetch cache. One test for <see cref="IsPlain"/> and <see cref="NewContext"/>, which must agree.
    /// </summary>
    private static bool SharesContext(RelGenDatabase database, QueryState state)
        => (state.FetchMode ?? database.FetchMode) != FetchMode.Peers && state.FetchMode is null && state.Prefetch.Length == 0;

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
