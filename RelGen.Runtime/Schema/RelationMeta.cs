namespace RelGen.Schema;

/// <summary>A many-to-one relation: <see cref="Source"/>.<see cref="Property"/> points at <see cref="Target"/>.</summary>
public sealed class RelationMeta
{
    private readonly Func<ModelMeta> _target;
    private ModelMeta? _resolved;

    public RelationMeta(string property, int columnOrdinal, Func<ModelMeta> target, OnDelete onDelete,
        string relatedName, string relatedQueryName, bool isNullable)
    {
        Property = property;
        ColumnOrdinal = columnOrdinal;
        _target = target;
        OnDelete = onDelete;
        RelatedName = relatedName;
        RelatedQueryName = relatedQueryName;
        IsNullable = isNullable;
    }

    /// <summary>The relation property, e.g. <c>Reporter</c>.</summary>
    public string Property { get; }

    /// <summary>The position of the key column in the source's columns.</summary>
    public int ColumnOrdinal { get; }

    /// <summary>The position of this relation in the source's <see cref="ModelMeta.Relations"/>.</summary>
    public int Index { get; internal set; }

    /// <summary>The model holding the key column.</summary>
    public ModelMeta Source { get; internal set; } = null!;

    /// <summary>The key column, e.g. <c>reporter_id</c>.</summary>
    public ColumnMeta Column => Source.Columns[ColumnOrdinal];

    /// <summary>The model pointed at (resolved lazily so models may point at each other).</summary>
    public ModelMeta Target => _resolved ??= _target();

    public OnDelete OnDelete { get; }

    /// <summary>The reverse manager's name on the target, e.g. <c>ArticleSet</c>.</summary>
    public string RelatedName { get; }

    /// <summary>The reverse lookup's name on the target, e.g. <c>Article</c>.</summary>
    public string RelatedQueryName { get; }

    public bool IsNullable { get; }

    public override string ToString() => $"{Source.ClassName}.{Property}";
}
