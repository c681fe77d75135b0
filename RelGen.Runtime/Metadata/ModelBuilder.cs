using System.ComponentModel;

namespace RelGen.Metadata;

/// <summary>
/// Builds a model's descriptor in the generated descriptor holder's constructor: the key, then every column and relation in
/// declaration order (their order is the row layout), then the default order. <see cref="Build"/> hands out the finished
/// descriptor; nothing changes it afterwards.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ModelBuilder<T, TKey>
    where T : class, IModel<T>
    where TKey : notnull
{
    private readonly ModelDescriptor<T, TKey> _model;
    private bool _built;

    /// <summary>Starts the descriptor of model <paramref name="name"/> stored in <paramref name="table"/>.</summary>
    public ModelBuilder(string name, string table, IModelBinding<T> binding) => _model = new ModelDescriptor<T, TKey>(name, table, binding);

    /// <summary>Declares the key column; <paramref name="identity"/> when the database assigns it.</summary>
    public Column<T, TKey> PrimaryKey(string property, string name, string sqlType, Func<T, TKey> get, Action<T, TKey>? set, bool identity)
    {
        var flags = ColumnFlags.Key | (identity ? ColumnFlags.Identity : ColumnFlags.None);
        var key = _model.Add(new Column<T, TKey>(Open(), property, name, sqlType, flags, 0, null, get, set));
        _model.SetKey(key);
        return key;
    }

    /// <summary>
    /// Declares a column read through the object's property (the runtime never sets it: rows are read by the generated
    /// reader, refreshed by <see cref="IModelBinding{T}.CopyColumns"/>). <paramref name="emailAddress"/> (<c>[EmailAddress]</c>)
    /// makes saving check the value's shape.
    /// </summary>
    public Column<T, TValue> Column<TValue>(string property, string name, string sqlType, Func<T, TValue> get,
        bool nullable = false, int maxLength = 0, string? defaultSql = null, bool emailAddress = false)
        => _model.Add(new Column<T, TValue>(Open(), property, name, sqlType,
            (nullable ? ColumnFlags.Nullable : ColumnFlags.None) | (emailAddress ? ColumnFlags.EmailAddress : ColumnFlags.None), maxLength, defaultSql,
            get, set: null));

    /// <summary>
    /// Declares the <c>[ConcurrencyCheck]</c> version: an <c>int</c> or <c>long</c> column every UPDATE matches and sets to
    /// the next value.
    /// </summary>
    public Column<T, TValue> Version<TValue>(string property, string name, string sqlType, Func<T, TValue> get, Action<T, TValue>? set)
        where TValue : struct
    {
        if (typeof(TValue) != typeof(int) && typeof(TValue) != typeof(long))
            throw new InvalidOperationException($"The version {_model.Name}.{property} must be an int or a long.");
        var column = _model.Add(new Column<T, TValue>(Open(), property, name, sqlType, ColumnFlags.Version, 0, null, get, set));
        _model.SetVersion(column);
        return column;
    }

    /// <summary>Declares a relation's key column, held in a generated field the runtime reads and sets (a relation assigned).</summary>
    public Column<T, TValue> RelationKey<TValue>(string property, string name, string sqlType, FieldRef<T, TValue> field,
        bool nullable = false, string? defaultSql = null)
        => _model.Add(new Column<T, TValue>(Open(), property, name, sqlType, nullable ? ColumnFlags.Nullable : ColumnFlags.None, 0, defaultSql,
            e => field(e), (e, v) => field(e) = v));

    /// <summary>Declares a relation whose key column holds the target's key type (required, or a nullable reference key).</summary>
    public Relation<T, TTarget, TRelationKey> Relation<TTarget, TRelationKey>(string property, Column<T, TRelationKey> key, FieldRef<T, TTarget?> related,
        OnDelete onDelete, string relatedName, string relatedQueryName)
        where TTarget : class, IModel<TTarget>
        where TRelationKey : notnull
        => _model.Add(new Relation<T, TTarget, TRelationKey>(Open(), property, key, related, onDelete, relatedName, relatedQueryName,
            RelationKeys.Direct(key)));

    /// <summary>Declares a nullable relation to a target with a value-type key (<c>int?</c>, <c>Guid?</c>).</summary>
    public Relation<T, TTarget, TRelationKey> NullableRelation<TTarget, TRelationKey>(string property, Column<T, TRelationKey?> key,
        FieldRef<T, TTarget?> related, OnDelete onDelete, string relatedName, string relatedQueryName)
        where TTarget : class, IModel<TTarget>
        where TRelationKey : struct
        => _model.Add(new Relation<T, TTarget, TRelationKey>(Open(), property, key, related, onDelete, relatedName, relatedQueryName,
            RelationKeys.Nullable(key)));

    /// <summary>The default order of every query of the model (<c>[Ordering]</c>).</summary>
    public void OrderBy(params OrderingTerm[] terms) => Open().SetOrdering(terms);

    /// <summary>The finished descriptor.</summary>
    public ModelDescriptor<T, TKey> Build()
    {
        _ = _model.KeyColumn;
        _built = true;
        return _model;
    }

    private ModelDescriptor<T, TKey> Open()
        => _built ? throw new InvalidOperationException($"The descriptor of {_model.Name} is already built.") : _model;
}
