using System.Data.Common;
using Npgsql;

namespace RelGen.Schema;

/// <summary>The typed half of a model's metadata: the generated row reader and parameter writers.</summary>
public abstract class ModelMeta<T> : ModelMeta where T : class
{
    protected ModelMeta(string className, string table, ColumnMeta[] columns, int keyOrdinal,
        RelationMeta[] relations, OrderingTerm[] ordering, Func<RelationMeta[]> reverseRelations)
        : base(className, table, columns, keyOrdinal, relations, ordering, reverseRelations)
    {
    }

    public override Type ClrType => typeof(T);

    public sealed override object ReadObject(DbDataReader reader, int offset) => Read(reader, offset);

    public sealed override object? GetRelationKeyObject(object entity, int relationIndex) => GetRelationKey((T)entity, relationIndex);

    public sealed override object GetKeyObject(object entity) => GetKey((T)entity);

    /// <summary>Reads one object from the columns starting at <paramref name="offset"/>, in <see cref="ModelMeta.Columns"/> order.</summary>
    public abstract T Read(DbDataReader reader, int offset);

    /// <summary>Adds one parameter per written column: every column but an identity key, in column order.</summary>
    public abstract void AddInsertParameters(T entity, NpgsqlParameterCollection parameters);

    /// <summary>Adds one parameter per column, key included, in column order (insert with an explicit key).</summary>
    public abstract void AddAllParameters(T entity, NpgsqlParameterCollection parameters);

    /// <summary>Adds one parameter per non-key column, in column order, then the key.</summary>
    public abstract void AddUpdateParameters(T entity, NpgsqlParameterCollection parameters);

    /// <summary>Adds the key as one parameter.</summary>
    public abstract void AddKeyParameter(T entity, NpgsqlParameterCollection parameters);

    /// <summary>Adds the keys of <paramref name="entities"/> as one array parameter.</summary>
    public abstract void AddKeyArrayParameter(IReadOnlyList<T> entities, NpgsqlParameterCollection parameters);

    /// <summary>Writes one row for binary COPY: every column, key included, in column order.</summary>
    public abstract void WriteRow(T entity, NpgsqlBinaryImporter importer);

    /// <summary>Stores the key the database assigned.</summary>
    public abstract void ReadKey(T entity, DbDataReader reader, int ordinal);

    /// <summary>Resets the key to its default after a delete.</summary>
    public abstract void ResetKey(T entity);

    /// <summary>True when the object has a key that the database knows of.</summary>
    public abstract bool IsSaved(T entity);

    /// <summary>Brings relation keys in step with assigned related objects and checks every value; throws before anything is sent.</summary>
    public abstract void PrepareSave(T entity);

    /// <summary>The key, boxed (off the hot path: error messages, identity maps).</summary>
    public abstract object GetKey(T entity);

    /// <summary>The key column value of relation <paramref name="relationIndex"/>, boxed, or null.</summary>
    public abstract object? GetRelationKey(T entity, int relationIndex);
}
