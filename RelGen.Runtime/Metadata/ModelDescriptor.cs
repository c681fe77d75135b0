using RelGen.Query;

namespace RelGen.Metadata;

/// <summary>
/// What RelGen knows about a model: table, columns, key, relations and default order. One instance per model, built
/// by generated code (its typed forms are <see cref="ModelDescriptor{T}"/> and <see cref="ModelDescriptor{T, TKey}"/>);
/// the runtime never reflects. Every member is complete when the generated constructor returns.
/// </summary>
public abstract class ModelDescriptor
{
    private readonly List<ColumnDescriptor> _columns = [];
    private readonly List<RelationDescriptor> _relations = [];
    private OrderingTerm[] _ordering = [];
    private ModelLookup? _root;

    private protected ModelDescriptor(string name, string table)
    {
        Name = name;
        Table = table;
        QuotedTable = SqlIdentifier.Quote(table);
    }

    /// <summary>The C# class name, e.g. <c>Article</c> (the key of <see cref="DeleteResult.PerModel"/>).</summary>
    public string Name { get; }

    /// <summary>The table name, unquoted.</summary>
    public string Table { get; }

    internal string QuotedTable { get; }

    /// <summary>Every mapped column in declaration order (a relation contributes its key column).</summary>
    public IReadOnlyList<ColumnDescriptor> Columns => _columns;

    /// <summary>The primary key column.</summary>
    public abstract ColumnDescriptor Key { get; }

    /// <summary>The <c>[ConcurrencyCheck]</c> version column, or null when the model has none.</summary>
    public ColumnDescriptor? Version => VersionColumn;

    private protected abstract ColumnDescriptor? VersionColumn { get; }

    /// <summary>The relations this model declares (it holds their key columns).</summary>
    public IReadOnlyList<RelationDescriptor> Relations => _relations;

    /// <summary>The relations of every registered model that point at this one.</summary>
    public IReadOnlyList<RelationDescriptor> ReverseRelations => ModelRegistry.ReverseRelationsOf(this);

    /// <summary>The default order of every query of this model (<c>[Ordering]</c>).</summary>
    public IReadOnlyList<OrderingTerm> Ordering => _ordering;

    /// <summary>The model's CLR type.</summary>
    public abstract Type ClrType { get; }

    /// <summary>The lookup a query's lambdas receive: the model itself, reached through no relation.</summary>
    internal ModelLookup Root => _root ??= CreateRootLookup();

    private protected abstract ModelLookup CreateRootLookup();

    /// <summary>A lookup of this model reached through <paramref name="path"/>.</summary>
    internal abstract ModelLookup LookupAt(RelationPath path);

    /// <summary>An empty set of this model's keys, typed by the key (the delete collector's unit of work).</summary>
    internal abstract KeySet CreateKeySet();

    /// <summary>True when the key of <paramref name="entity"/> (an object of this model) is in <paramref name="keys"/>.</summary>
    internal abstract bool KeyIn(object entity, KeySet keys);

    private protected void Add(ColumnDescriptor column) => _columns.Add(column);

    private protected void Add(RelationDescriptor relation) => _relations.Add(relation);

    internal void SetOrdering(OrderingTerm[] terms) => _ordering = terms;

    /// <inheritdoc />
    public override string ToString() => Name;
}
