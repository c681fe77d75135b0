namespace RelGen.Metadata;

/// <summary>
/// How a relation's key column holds the target's key: as the key type itself (<c>int ReporterId</c>, <c>string? Slug</c>)
/// or as its nullable form (<c>int? ParentId</c>). Built once per relation, so the relation reads and writes keys typed.
/// </summary>
internal sealed class RelationKeys<TSource, TKey> where TSource : class
{
    public delegate bool Reader(TSource source, out TKey key);

    private RelationKeys(ColumnDescriptor column, Reader tryGet, Action<TSource, TKey> set, Action<TSource>? clear)
    {
        Column = column;
        TryGet = tryGet;
        Set = set;
        Clear = clear;
    }

    public ColumnDescriptor Column { get; }

    /// <summary>The key the source points at; false when it points at nothing (NULL, or not set yet).</summary>
    public Reader TryGet { get; }

    public Action<TSource, TKey> Set { get; }

    /// <summary>Sets the key column to NULL; null for a required relation.</summary>
    public Action<TSource>? Clear { get; }

    public static RelationKeys<TSource, TKey> Create(ColumnDescriptor column, Reader tryGet, Action<TSource, TKey> set, Action<TSource>? clear)
        => new(column, tryGet, set, clear);

    public static RelationKeys<TSource, TKey> Direct(Column<TSource, TKey> column)
        => new(column,
            (TSource s, out TKey k) =>
            {
                k = column.Get(s);
                return Keys<TKey>.IsSet(k);
            },
            column.Set,
            column.IsNullable ? s => column.Set(s, default!) : null);
}

/// <summary>Builds <see cref="RelationKeys{TSource, TKey}"/> for a nullable value-type key column.</summary>
internal static class RelationKeys
{
    public static RelationKeys<TSource, TKey> Direct<TSource, TKey>(Column<TSource, TKey> column) where TSource : class
        => RelationKeys<TSource, TKey>.Direct(column);

    public static RelationKeys<TSource, TKey> Nullable<TSource, TKey>(Column<TSource, TKey?> column)
        where TSource : class
        where TKey : struct
        => RelationKeys<TSource, TKey>.Create(column,
            (TSource s, out TKey k) =>
            {
                var value = column.Get(s);
                k = value.GetValueOrDefault();
                return value.HasValue;
            },
            (s, k) => column.Set(s, k),
            s => column.Set(s, null));
}
