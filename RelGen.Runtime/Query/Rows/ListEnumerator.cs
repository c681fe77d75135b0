namespace RelGen.Query;

/// <summary>Streams objects already in memory (a prefetched set) through the same <c>await foreach</c> as a query.</summary>
internal sealed class ListEnumerator<T>(List<T> items, CancellationToken cancellationToken) : IAsyncEnumerator<T>
{
    private int _index = -1;

    public T Current => items[_index];

    public ValueTask<bool> MoveNextAsync()
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<bool>(++_index < items.Count);
    }

    public ValueTask DisposeAsync() => default;
}
