namespace RelGen.Metadata;

/// <summary>
/// Remembers current values as the ones the database holds: every column's (after a load or a whole save), or only those
/// a write sent (an update of given fields, a relation's key), so other unsaved edits stay unsaved.
/// </summary>
internal readonly struct AcceptChangesVisitor<T>(ColumnDescriptor? one, IReadOnlyList<ColumnDescriptor<T>>? some) : ITrackedColumnVisitor<T>
    where T : class
{
    public void Visit<TValue>(Column<T, TValue> column, TValue current, ref TValue original)
    {
        if (Accepts(column))
            original = current;
    }

    private bool Accepts(ColumnDescriptor column)
    {
        if (one is null && some is null)
            return true;
        if (ReferenceEquals(one, column))
            return true;
        if (some is null)
            return false;
        for (var i = 0; i < some.Count; i++)
        {
            if (ReferenceEquals(some[i], column))
                return true;
        }
        return false;
    }
}
