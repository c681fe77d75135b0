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

    internal abstract bool IsChanged(TModel entity);

    internal abstract void AcceptChange(TModel entity);

    /// <summary>Copies the value from <paramref name="source"/> to <paramref name="target"/> (a refresh), and accepts it.</summary>
    internal abstract void CopyLoaded(TModel source, TModel target);

    /// <summary>Refuses a value PostgreSQL would refuse or change (NULL in NOT NULL, too long, NUL, a lone surrogate), before anything is sent.</summary>
    internal abstract void Validate(TModel entity);
}
