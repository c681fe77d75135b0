using System.Diagnostics.CodeAnalysis;

namespace RelGen.Query;

/// <summary>
/// <c>GetAsync</c> (exactly one object, else its errors) and <c>FirstOrDefaultAsync</c> (the first, or null): keeps the
/// first object and counts the rest, so no list is allocated.
/// </summary>
internal struct SingleSink<T>(bool exactlyOne) : IRowSink<T, T?> where T : class
{
    private T? _first;

    public int Count { get; private set; }

    public void Add(T entity)
    {
        _first ??= entity;
        Count++;
    }

    public readonly List<T> Loaded() => [_first!];

    public readonly T? Complete(QueryState state)
    {
        if (exactlyOne && Count != 1)
            ThrowNotOne(state, Count);
        return _first;
    }

    [DoesNotReturn]
    private static void ThrowNotOne(QueryState state, int count)
        => throw (count == 0
            ? new DoesNotExistException(state.Model.Name)
            : new MultipleObjectsReturnedException(state.Model.Name, count));
}
