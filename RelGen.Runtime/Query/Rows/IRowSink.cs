namespace RelGen.Query;

/// <summary>
/// What a terminal read does with the objects it reads: a struct per terminal (list, single, first), so one read core
/// serves them all without an extra async layer or allocation.
/// </summary>
internal interface IRowSink<T, out TResult> where T : class
{
    /// <summary>How many objects have been added.</summary>
    int Count { get; }

    void Add(T entity);

    /// <summary>The objects a prefetch loads into; called only when there is something to prefetch.</summary>
    List<T> Loaded();

    /// <summary>The terminal's result; throws when it has none (<c>GetAsync</c>'s errors).</summary>
    TResult Complete(QueryState state);
}
