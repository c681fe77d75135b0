namespace RelGen.Metadata;

/// <summary>
/// One mapped column of a model, as the generator described it. Its typed form, <see cref="Column{TModel, TValue}"/>,
/// reads and writes the value; this view is what schema, SQL and error messages need.
/// </summary>
public abstract class ColumnDescriptor
{
    private protected ColumnDescriptor(ModelDescriptor model, string property, string name, string sqlType, ColumnFlags flags, int maxLength, string? defaultSql)
    {
        Model = model;
        Ordinal = model.Columns.Count;
        Property = property;
        Name = name;
        QuotedName = SqlIdentifier.Quote(name);
        SqlType = sqlType;
        Flags = flags;
        MaxLength = maxLength;
        DefaultSql = defaultSql;
    }

    /// <summary>The model this column belongs to.</summary>
    public ModelDescriptor Model { get; }

    /// <summary>The column's position in <see cref="ModelDescriptor.Columns"/>, which is also its position in a row RelGen reads.</summary>
    public int Ordinal { get; }

    /// <summary>The C# property (for a relation, its key property: <c>ReporterId</c>).</summary>
    public string Property { get; }

    /// <summary>The column name, unquoted.</summary>
    public string Name { get; }

    internal string QuotedName { get; }

    /// <summary>The PostgreSQL type, e.g. <c>varchar(30)</c> or <c>integer</c>.</summary>
    public string SqlType { get; }

    internal ColumnFlags Flags { get; }

    /// <summary>True for a NULL-able column (<c>int?</c>, <c>string?</c>).</summary>
    public bool IsNullable => (Flags & ColumnFlags.Nullable) != 0;

    /// <summary>True for the primary key.</summary>
    public bool IsKey => (Flags & ColumnFlags.Key) != 0;

    /// <summary>True when the database assigns the value on insert (an <c>int</c>/<c>long</c> key).</summary>
    public bool IsIdentity => (Flags & ColumnFlags.Identity) != 0;

    /// <summary>True for the model's <c>[ConcurrencyCheck]</c> version column.</summary>
    public bool IsVersion => (Flags & ColumnFlags.Version) != 0;

    /// <summary>The <c>[MaxLength]</c>, 0 when none.</summary>
    public int MaxLength { get; }

    /// <summary>The column's SQL default, a literal the generator produced; null when none.</summary>
    public string? DefaultSql { get; }

    /// <summary>
    /// This column of the query's own model (no path, no transform), shared by every lookup of it: a <see cref="Query.ColumnRef"/>
    /// is immutable, so <c>a.Id</c> in a lambda costs no new one per call.
    /// </summary>
    internal Query.ColumnRef OwnRef => _ownRef ??= new Query.ColumnRef(null, this);

    private Query.ColumnRef? _ownRef;

    /// <inheritdoc />
    public override string ToString() => Model.Name + "." + Property;
}
