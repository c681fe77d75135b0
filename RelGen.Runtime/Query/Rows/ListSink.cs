namespace RelGen.Query;

/// <summary><c>ToListAsync</c>: every object, in order.</summary>
internal readonly struct ListSink<T>() : IRowSink<T, List<T>> where T : class
{
    private readonly List<T> _list = [];

    public int Count => _list.Count;

    public void Add(T entity) => _list.Add(entity);

    public List<T> Loaded() => _list;

    public List<T> Complete(QueryState state) => _list;
}
