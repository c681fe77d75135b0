using System.Data.Common;
using Npgsql;
using RelGen.Query;

namespace RelGen.Metadata;

/// <summary>
/// The typed half of a model's descriptor. Generated code builds it with a <see cref="ModelBuilder{T, TKey}"/>, keeping one
/// named, typed field per column and relation, and supplies only what is model-specific through
/// <see cref="IModelBinding{T}"/>: reading a row, walking its tracked columns, copying a refreshed row, reaching the object's
/// state and creating its lookup. Everything else is generic runtime code over these types.
/// </summary>
public abstract class ModelDescriptor<T> : ModelDescriptor, IRowReader<T> where T : class, IModel<T>
{
    private readonly List<ColumnDescriptor<T>> _typedColumns = [];
    private readonly List<IRelationFrom<T>> _typedRelations = [];
    private readonly IModelBinding<T> _binding;
    private QueryState? _allRows;

    private protected ModelDescriptor(string name, string table, IModelBinding<T> binding) : base(name, table)
    {
        _binding = binding;
    }

    /// <inheritdoc />
    public sealed override Type ClrType => typeof(T);

    internal List<ColumnDescriptor<T>> TypedColumns => _typedColumns;   // a List, not an interface: hot loops enumerate without allocating

    internal List<IRelationFrom<T>> TypedRelations => _typedRelations;

    /// <summary>The version column (<c>[ConcurrencyCheck]</c>), or null.</summary>
    internal ColumnDescriptor<T>? TypedVersion { get; private set; }

    private protected sealed override ColumnDescriptor? VersionColumn => TypedVersion;

    internal void SetVersion(ColumnDescriptor<T> column)
    {
        if (TypedVersion is not null)
            throw new InvalidOperationException($"{Name} declares two versions: {TypedVersion.Property} and {column.Property}.");
        TypedVersion = column;
    }

    /// <inheritdoc cref="IModelBinding{T}.Read"/>
    internal T Read(DbDataReader reader, int offset, LoadContext context) => _binding.Read(reader, offset, context);

    T IRowReader<T>.Read(DbDataReader reader, int offset, LoadContext context) => _binding.Read(reader, offset, context);

    /// <inheritdoc cref="IModelBinding{T}.Context"/>
    internal ref LoadContext? Context(T entity) => ref _binding.Context(entity);

    private protected sealed override ModelLookup CreateRootLookup() => _binding.CreateLookup(null);

    internal sealed override ModelLookup LookupAt(RelationPath path) => _binding.CreateLookup(path);

    /// <summary>The query of every row, shared: query states are immutable, so <c>Objects(db)</c> allocates none.</summary>
    internal QueryState AllRows => _allRows ??= new QueryState(this);

    /// <summary>True when the object has a key (a lookup may compare it; a relation may point at it).</summary>
    internal abstract bool HasKey(T entity);

    /// <summary>True when RelGen chooses keys for new objects (a <see cref="Guid"/> key), as a Django key with a default.</summary>
    internal abstract bool AssignsKeys { get; }

    /// <summary>Gives an object without a key the key it will be inserted with, when RelGen chooses keys (a <see cref="Guid"/>).</summary>
    internal abstract void AssignNewKey(T entity);

    internal abstract void AddKeyParameter(T entity, NpgsqlParameterCollection parameters);

    internal abstract NpgsqlParameter KeyArrayParameter(IReadOnlyList<T> entities);

    internal abstract void ReadKey(T entity, DbDataReader reader, int ordinal);

    /// <summary>Gives object <c>i</c> of <paramref name="entities"/> the identity key <paramref name="first"/> + <c>i</c>.</summary>
    internal abstract void SetSequentialKeys(IReadOnlyList<T> entities, long first);

    internal abstract void ResetKey(T entity);

    internal abstract string DescribeKey(T entity);

    /// <summary>The condition "is <paramref name="entity"/>'s row": its key column equals the object's key.</summary>
    internal abstract Predicate KeyFilter(T entity);

    /// <summary>Reads rows of (key, version) and gives each object of <paramref name="entities"/> with that key that version.</summary>
    internal abstract Task ReadVersionsAsync(IReadOnlyList<T> entities, DbDataReader reader, CancellationToken cancellationToken);

    /// <summary>The first object whose key an earlier object of <paramref name="entities"/> has too, or null.</summary>
    internal abstract T? FirstDuplicateKey(IReadOnlyList<T> entities);

    /// <summary>Remembers every column's current value as the one the database holds (after a load or a save).</summary>
    internal void AcceptChanges(T entity)
    {
        var accept = new AcceptChangesVisitor<T>(null, null);
        _binding.Track(entity, ref accept);
    }

    /// <summary>Remembers the current values of <paramref name="columns"/> only (a write that sent just those).</summary>
    internal void AcceptChanges(T entity, IReadOnlyList<ColumnDescriptor<T>> columns)
    {
        var accept = new AcceptChangesVisitor<T>(null, columns);
        _binding.Track(entity, ref accept);
    }

    /// <summary>Remembers the current value of <paramref name="column"/> only.</summary>
    internal void AcceptChange(T entity, ColumnDescriptor<T> column)
    {
        var accept = new AcceptChangesVisitor<T>(column, null);
        _binding.Track(entity, ref accept);
    }

    /// <summary>The changed columns but the version, as a mask of ordinals: for a model of at most 64 columns.</summary>
    internal ulong ChangedColumns(T entity)
    {
        var changed = new ChangedColumnsVisitor<T>();
        _binding.Track(entity, ref changed);
        return changed.Changes;
    }

    /// <summary>The object now holds the next version, as its row does after an UPDATE, and remembers it as loaded.</summary>
    internal void AdvanceVersion(T entity)
    {
        var version = TypedVersion!;
        version.SetNextVersion(entity);
        AcceptChange(entity, version);
    }

    /// <summary>Sets the object's version from a row the database returned, and remembers it as loaded.</summary>
    internal void ReadVersion(T entity, DbDataReader reader, int ordinal)
    {
        var version = TypedVersion!;
        version.SetFrom(entity, reader, ordinal);
        AcceptChange(entity, version);
    }

    /// <summary>Copies a freshly read object's values into <paramref name="target"/> and accepts them (a refresh).</summary>
    internal void CopyLoaded(T fresh, T target)
    {
        _binding.CopyColumns(fresh, target);
        AcceptChanges(target);
    }

    internal Column<T, TValue> Add<TValue>(Column<T, TValue> column)
    {
        Add((ColumnDescriptor)column);
        _typedColumns.Add(column);
        return column;
    }

    internal Relation<T, TTarget, TKey> Add<TTarget, TKey>(Relation<T, TTarget, TKey> relation)
        where TTarget : class, IModel<TTarget>
        where TKey : notnull
    {
        Add((RelationDescriptor)relation);
        _typedRelations.Add(relation);
        return relation;
    }
}
