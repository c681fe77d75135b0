namespace RelGen.Metadata;

/// <summary>
/// Collects the columns whose current value differs from the loaded one, as a mask of ordinals (a model of at most 64
/// columns; the caller saves every column of a wider one). The version never counts: every UPDATE sets it.
/// </summary>
internal struct ChangedColumnsVisitor<T> : ITrackedColumnVisitor<T> where T : class
{
    /// <summary>Bit <c>1 &lt;&lt; ordinal</c> is set for each changed column.</summary>
    public ulong Changes;

    public void Visit<TValue>(Column<T, TValue> column, TValue current, ref TValue original)
    {
        if (!column.IsVersion && !ValueEquality<TValue>.Equals(current, original))
            Changes |= 1UL << column.Ordinal;
    }
}
