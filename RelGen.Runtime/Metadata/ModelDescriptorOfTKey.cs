using System.Data.Common;
using Npgsql;
using RelGen.Execution;
using RelGen.Query;

namespace RelGen.Metadata;

/// <summary>
/// The descriptor of a model whose key is a <typeparamref name="TKey"/>, built by generated code with
/// <see cref="ModelBuilder{T, TKey}"/>. Key handling (parameters, arrays, sets, new keys) is generic here, so generated
/// code declares only the key column.
/// </summary>
public sealed class ModelDescriptor<T, TKey> : ModelDescriptor<T>
    where T : class, IModel<T>
    where TKey : notnull
{
    private Column<T, TKey>? _key;

    internal ModelDescriptor(string name, string table, IModelBinding<T> binding) : base(name, table, binding)
    {
    }

    /// <summary>The primary key column.</summary>
    public sealed override ColumnDescriptor Key => KeyColumn;

    internal Column<T, TKey> KeyColumn => _key ?? throw new InvalidOperationException($"The descriptor of {Name} declares no key.");

    internal void SetKey(Column<T, TKey> key) => _key = key;

    internal TKey GetKey(T entity) => KeyColumn.Get(entity);

    internal override bool HasKey(T entity) => Keys<TKey>.IsSet(KeyColumn.Get(entity));

    internal override bool AssignsKeys => typeof(TKey) == typeof(Guid) && !KeyColumn.IsIdentity;

    internal override void AssignNewKey(T entity)
    {
        if (typeof(TKey) == typeof(Guid) && KeyColumn.CanSet)
            KeyColumn.Set(entity, (TKey)(object)Guid.NewGuid());
    }

    internal override void AddKeyParameter(T entity, NpgsqlParameterCollection parameters) => parameters.Add(Parameters.Create(KeyColumn.Get(entity)));

    internal override NpgsqlParameter KeyArrayParameter(IReadOnlyList<T> entities)
    {
        var keys = new TKey[entities.Count];
        for (var i = 0; i < keys.Length; i++)
            keys[i] = KeyColumn.Get(entities[i]);
        return new NpgsqlParameter<TKey[]> { TypedValue = keys };
    }

    internal override void ReadKey(T entity, DbDataReader reader, int ordinal) => KeyColumn.Set(entity, reader.GetFieldValue<TKey>(ordinal));

    internal override void SetSequentialKeys(IReadOnlyList<T> entities, long first)
    {
        // Identity keys are int or long (the generator refuses others); the casts compile to nothing for those types.
        for (var i = 0; i < entities.Count; i++)
        {
            var key = first + i;
            if (typeof(TKey) == typeof(int))
                KeyColumn.Set(entities[i], (TKey)(object)checked((int)key));
            else if (typeof(TKey) == typeof(long))
                KeyColumn.Set(entities[i], (TKey)(object)key);
            else
                throw new InvalidOperationException($"{Name}.{KeyColumn.Property} is not an int or long identity.");
        }
    }

    internal override void ResetKey(T entity)
    {
        if (KeyColumn.CanSet)
            KeyColumn.Set(entity, default!);
    }

    internal override string DescribeKey(T entity) => KeyColumn.Get(entity)?.ToString() ?? "null";

    internal override Predicate KeyFilter(T entity)
        => new ComparePredicate<TKey>(new ColumnExpression<TKey>(KeyColumn.OwnRef), LookupOperator.Exact, GetKey(entity));

    internal override async Task ReadVersionsAsync(IReadOnlyList<T> entities, DbDataReader reader, CancellationToken cancellationToken)
    {
        var byKey = new Dictionary<TKey, T>(entities.Count);
        foreach (var entity in entities)
            byKey[GetKey(entity)] = entity;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (byKey.TryGetValue(reader.GetFieldValue<TKey>(0), out var entity))
                ReadVersion(entity, reader, 1);
        }
    }

    internal override T? FirstDuplicateKey(IReadOnlyList<T> entities)
    {
        var seen = new HashSet<TKey>();
        foreach (var entity in entities)
        {
            if (!seen.Add(GetKey(entity)))
                return entity;
        }
        return null;
    }

    internal override KeySet CreateKeySet() => new KeySet<TKey>();

    internal override bool KeyIn(object entity, KeySet keys) => ((KeySet<TKey>)keys).Contains(GetKey((T)entity));
}
