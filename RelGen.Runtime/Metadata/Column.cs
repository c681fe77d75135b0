using Npgsql;
using RelGen.Execution;
using RelGen.Save;

namespace RelGen.Metadata;

/// <summary>
/// A column of <typeparamref name="TModel"/> holding <typeparamref name="TValue"/> (an enum's column holds its integer
/// value). Built by the generated descriptor with a typed getter (and a setter for the key, the version and a relation's
/// key, the values the runtime itself assigns), so the runtime reads, binds and copies values without reflection or
/// boxing; the loaded values change tracking compares are reached through <see cref="IModelBinding{T}.Track"/>.
/// </summary>
public sealed class Column<TModel, TValue> : ColumnDescriptor<TModel> where TModel : class
{
    private readonly Func<TModel, TValue> _get;
    private readonly Action<TModel, TValue>? _set;

    // The type a value is sent as when RelGen chooses it: a [Json] column's JSON text as jsonb (PostgreSQL refuses text
    // for a jsonb column), a date and time as timestamptz (StoredValues).
    private readonly NpgsqlTypes.NpgsqlDbType? _dbType;

    internal Column(ModelDescriptor model, string property, string name, string sqlType, ColumnFlags flags, int maxLength, string? defaultSql,
        Func<TModel, TValue> get, Action<TModel, TValue>? set)
        : base(model, property, name, sqlType, flags, maxLength, defaultSql)
    {
        _get = get;
        _set = set;
        _dbType = typeof(TValue) == typeof(string) && sqlType == "jsonb" ? NpgsqlTypes.NpgsqlDbType.Jsonb : StoredValues.DbTypeOf<TValue>();
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

    /// <summary>Adds the value on <paramref name="entity"/> as a typed parameter.</summary>
    internal override void AddParameter(TModel entity, NpgsqlParameterCollection parameters)
    {
        var parameter = Parameters.Create(_get(entity));
        if (_dbType is { } type)
            parameter.NpgsqlDbType = type;
        parameters.Add(parameter);
    }

    internal override bool FitsInAnArrayParameter => !typeof(TValue).IsArray || typeof(TValue) == typeof(byte[]);

    internal override NpgsqlParameter ArrayParameter(IReadOnlyList<TModel> entities)
    {
        var values = new TValue[entities.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = StoredValues.ToStored(_get(entities[i]));
        var parameter = new NpgsqlParameter<TValue[]> { TypedValue = values };
        if (_dbType is { } type)
            parameter.NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | type;
        return parameter;
    }

    internal override bool IsNull(TModel entity) => _get(entity) is null;

    internal override Query.Assignment AssignValueOf(TModel entity)
        => Query.Assignment.Of(OwnRef, _get(entity), static (w, v) => w.Parameter(v));

    internal override Query.Predicate HasValueOf(TModel entity)
        => new Query.ComparePredicate<TValue>(new Query.ColumnExpression<TValue>(OwnRef), Query.LookupOperator.Exact, _get(entity));

    internal override void SetFrom(TModel entity, System.Data.Common.DbDataReader reader, int ordinal) => Set(entity, reader.GetFieldValue<TValue>(ordinal));

    internal override bool RowHoldsValueOf(TModel entity, System.Data.Common.DbDataReader reader, int ordinal)
        => !reader.IsDBNull(ordinal) && ValueEquality<TValue>.Equals(reader.GetFieldValue<TValue>(ordinal), StoredValues.ToStored(_get(entity)));

    internal override object? StoredValueOf(TModel entity) => StoredValues.ToStored(_get(entity));

    internal override object? ReadValue(System.Data.Common.DbDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<TValue>(ordinal);

    internal override string Describe(TModel entity) => _get(entity)?.ToString() ?? "null";

    internal override void SetNextVersion(TModel entity)
    {
        // The generator marks only int and long properties as versions; the casts compile to nothing for those types.
        var value = _get(entity);
        if (typeof(TValue) == typeof(int))
            Set(entity, (TValue)(object)((int)(object)value! + 1));
        else if (typeof(TValue) == typeof(long))
            Set(entity, (TValue)(object)((long)(object)value! + 1));
        else
            throw new InvalidOperationException($"{this} is not an int or long version.");
    }

    /// <summary>Writes the value into the current binary COPY row.</summary>
    internal override ValueTask WriteAsync(TModel entity, NpgsqlBinaryImporter importer, CancellationToken cancellationToken)
    {
        var value = _get(entity);
        if (value is null)
            return new ValueTask(importer.WriteNullAsync(cancellationToken));
        // The same mapping as a parameter's: a COPY row holds what an INSERT would have stored.
        value = StoredValues.ToStored(value);
        return _dbType is { } type
            ? new ValueTask(importer.WriteAsync(value, type, cancellationToken))
            : new ValueTask(importer.WriteAsync(value, cancellationToken));
    }

    internal override void Validate(TModel entity) => ValueChecks<TValue>.Check(this, _get(entity));
}
