using Npgsql;

namespace RelGen.Metadata;

/// <summary>
/// A column of <typeparamref name="TModel"/> whatever its value type: what loops over a model's columns call. The only
/// implementation is <see cref="Column{TModel, TValue}"/>.
/// </summary>
public abstract class ColumnDescriptor<TModel> : ColumnDescriptor where TModel : class
{
    private protected ColumnDescriptor(ModelDescriptor model, string property, string name, string sqlType, ColumnFlags flags, int maxLength, string? defaultSql)
        : base(model, property, name, sqlType, flags, maxLength, defaultSql)
    {
    }

    internal abstract void AddParameter(TModel entity, NpgsqlParameterCollection parameters);

    internal abstract ValueTask WriteAsync(TModel entity, NpgsqlBinaryImporter importer, CancellationToken cancellationToken);

    /// <summary>
    /// False for an array column (<c>int[]</c>, <c>text[]</c>): a PostgreSQL array is rectangular, so one array parameter
    /// cannot hold a row's array per element, and <see cref="ArrayParameter"/> cannot carry the column.
    /// </summary>
    internal abstract bool FitsInAnArrayParameter { get; }

    /// <summary>Every object's value as one array parameter, in list order (set-based writes: <c>unnest($1, $2, …)</c>).</summary>
    internal abstract NpgsqlParameter ArrayParameter(IReadOnlyList<TModel> entities);

    /// <summary>An update's <c>SET column = value</c> with the object's value.</summary>
    internal abstract Query.Assignment AssignValueOf(TModel entity);

    /// <summary>The condition "the column holds the object's value" (a version an update must still find).</summary>
    internal abstract Query.Predicate HasValueOf(TModel entity);

    /// <summary>Sets the object's value from a row (a key or version the database returned); the caller accepts it.</summary>
    internal abstract void SetFrom(TModel entity, System.Data.Common.DbDataReader reader, int ordinal);

    /// <summary>
    /// True when the row's value at <paramref name="ordinal"/> equals the value the object stores (<c>StoredValues</c>), compared as
    /// change tracking compares: an upsert's conflict values read back, telling whose row it is.
    /// </summary>
    internal abstract bool RowHoldsValueOf(TModel entity, System.Data.Common.DbDataReader reader, int ordinal);

    /// <summary>The value the object stores, boxed: part of a key that finds an object by its values (arrays compared by content).</summary>
    internal abstract object? StoredValueOf(TModel entity);

    /// <summary>The row's value at <paramref name="ordinal"/>, boxed, to compare with <see cref="StoredValueOf"/>.</summary>
    internal abstract object? ReadValue(System.Data.Common.DbDataReader reader, int ordinal);

    /// <summary>The object's value as text, for messages.</summary>
    internal abstract string Describe(TModel entity);

    /// <summary>True when the object's value is null.</summary>
    internal abstract bool IsNull(TModel entity);

    /// <summary>A version column: the object now holds the next version, as the database does after an UPDATE; the caller accepts it.</summary>
    internal abstract void SetNextVersion(TModel entity);

    /// <summary>Refuses a value PostgreSQL would refuse or change (NULL in NOT NULL, too long, NUL, a lone surrogate), before anything is sent.</summary>
    internal abstract void Validate(TModel entity);
}
