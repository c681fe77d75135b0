using Npgsql;
using RelGen.Execution;
using RelGen.Save;

namespace RelGen.Metadata;

/// <summary>
/// A column of <typeparamref name="TModel"/> holding <typeparamref name="TValue"/> (an enum's column holds its integer
/// value). Built by the generated descriptor with typed accessors, so the runtime reads, binds, copies and compares
/// values without reflection or boxing.
/// </summary>
public sealed class Column<TModel, TValue> : ColumnDescriptor<TModel> where TModel : class
{
    private readonly Func<TModel, TValue> _get;
    private readonly Action<TModel, TValue>? _set;
    private readonly FieldRef<TModel, TValue>? _original;

    internal Column(ModelDescriptor model, string property, string name, string sqlType, ColumnFlags flags, int maxLength, string? defaultSql,
        Func<TModel, TValue> get, Action<TModel, TValue>? set, FieldRef<TModel, TValue>? original)
        : base(model, property, name, sqlType, flags, maxLength, defaultSql)
    {
        _get = get;
        _set = set;
        _original = original;
    }

    /// <summary>The value on <paramref name="entity"/>.</summary>
    internal TValue Get(TModel entity) => _get(entity);

    /// <summary>Sets the value (the key the database assigned, a refreshed value).</summary>
    internal void Set(TModel entity, TValue value)
    {
        if (_set is null)
            Throw.ColumnNotSettable(this);
        _set(entity, value);
    }

    internal bool CanSet => _set is not null;

    /// <summary>True when the value differs from the one the object was loaded or last saved with.</summary>
    internal override bool IsChanged(TModel entity) => _original is not null && !ValueEquality<TValue>.Equals(_get(entity), _original(entity));

    /// <summary>Remembers the current value as the one the database holds.</summary>
    internal override void AcceptChange(TModel entity)
    {
        if (_original is not null)
            _original(entity) = _get(entity);
    }

    /// <summary>Adds the value on <paramref name="entity"/> as a typed parameter.</summary>
    internal override void AddParameter(TModel entity, NpgsqlParameterCollection parameters) => parameters.Add(Parameters.Create(_get(entity)));

    /// <summary>Writes the value into the current binary COPY row.</summary>
    internal override ValueTask WriteAsync(TModel entity, NpgsqlBinaryImporter importer, CancellationToken cancellationToken)
    {
        var value = _get(entity);
        if (value is null)
            return new ValueTask(importer.WriteNullAsync(cancellationToken));
        // The same mapping as a parameter's: a COPY row holds what an INSERT would have stored.
        value = StoredValues.ToStored(value);
        return StoredValues.DbTypeOf<TValue>() is { } type
            ? new ValueTask(importer.WriteAsync(value, type, cancellationToken))
            : new ValueTask(importer.WriteAsync(value, cancellationToken));
    }

    internal override void CopyLoaded(TModel source, TModel target)
    {
        if (_set is not null)
            _set(target, _get(source));
        AcceptChange(target);
    }

    internal override void Validate(TModel entity) => ValueChecks<TValue>.Check(this, _get(entity));
}
