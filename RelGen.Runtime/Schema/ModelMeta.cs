namespace RelGen.Schema;

/// <summary>
/// What the generator knows about a model, for the runtime: table, columns, key, relations
/// and ordering. One instance per model, built by generated code; the runtime never reflects.
/// </summary>
public abstract class ModelMeta
{
    private readonly Func<RelationMeta[]> _reverse;
    private RelationMeta[]? _reverseRelations;

    protected ModelMeta(string className, string table, ColumnMeta[] columns, int keyOrdinal,
        RelationMeta[] relations, OrderingTerm[] ordering, Func<RelationMeta[]> reverseRelations)
    {
        ClassName = className;
        Table = table;
        QuotedTable = SqlIdentifier.Quote(table);
        Columns = columns;
        KeyOrdinal = keyOrdinal;
        Relations = relations;
        Ordering = ordering;
        _reverse = reverseRelations;
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i].Ordinal = i;
            columns[i].Model = this;
        }
        for (var i = 0; i < relations.Length; i++)
        {
            relations[i].Source = this;
            relations[i].Index = i;
        }
    }

    /// <summary>The C# class name, e.g. <c>Article</c> (the key of <see cref="DeleteResult.PerModel"/>).</summary>
    public string ClassName { get; }

    public string Table { get; }

    public string QuotedTable { get; }

    /// <summary>Every mapped column in declaration order (relations contribute their key column).</summary>
    public ColumnMeta[] Columns { get; }

    public int KeyOrdinal { get; }

    public ColumnMeta Key => Columns[KeyOrdinal];

    /// <summary>The relations this model declares (it holds their key columns).</summary>
    public RelationMeta[] Relations { get; }

    /// <summary>The relations of any model that point at this one.</summary>
    public RelationMeta[] ReverseRelations => _reverseRelations ??= _reverse();

    /// <summary>The default ordering from <c>[Ordering]</c>.</summary>
    public OrderingTerm[] Ordering { get; }

    public abstract Type ClrType { get; }

    /// <summary>Reads one object, untyped (select-related and prefetch paths, where the type is not static).</summary>
    public abstract object ReadObject(System.Data.Common.DbDataReader reader, int offset);

    /// <summary>Stores a loaded related object in relation <paramref name="relationIndex"/> of <paramref name="entity"/>.</summary>
    public abstract void SetRelated(object entity, int relationIndex, object? related);

    /// <summary>The related object cached in relation <paramref name="relationIndex"/>, without loading it.</summary>
    public abstract object? GetRelated(object entity, int relationIndex);

    /// <summary>The key column value of relation <paramref name="relationIndex"/>, boxed, or null.</summary>
    public abstract object? GetRelationKeyObject(object entity, int relationIndex);

    /// <summary>A typed array parameter of keys given boxed (delete collection, where the key type is not static).</summary>
    public abstract Npgsql.NpgsqlParameter CreateKeyArrayParameter(IReadOnlyList<object> keys);

    /// <summary>The SQL this model's saves and deletes use, built once.</summary>
    internal Save.ModelSql? Sql { get; set; }

    /// <summary>The query of every row, shared: query states are immutable, so <c>Objects(db)</c> allocates none.</summary>
    internal Query.QueryState AllRows => _allRows ??= new Query.QueryState(this);

    private Query.QueryState? _allRows;

    /// <summary>The key, boxed.</summary>
    public abstract object GetKeyObject(object entity);

    public override string ToString() => ClassName;
}
