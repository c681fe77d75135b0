namespace RelGen.Schema;

/// <summary>One mapped column of a model, as the generator described it.</summary>
public sealed class ColumnMeta
{
    public ColumnMeta(string property, string column, string sqlType, bool isNullable,
        int maxLength = 0, bool isKey = false, bool isIdentity = false, string? defaultSql = null)
    {
        Property = property;
        Column = column;
        SqlType = sqlType;
        IsNullable = isNullable;
        MaxLength = maxLength;
        IsKey = isKey;
        IsIdentity = isIdentity;
        DefaultSql = defaultSql;
        QuotedColumn = SqlIdentifier.Quote(column);
    }

    /// <summary>The C# property name (for a relation, the key property: <c>ReporterId</c>).</summary>
    public string Property { get; }

    /// <summary>The column name, unquoted.</summary>
    public string Column { get; }

    /// <summary>The column name, quoted for SQL.</summary>
    public string QuotedColumn { get; }

    /// <summary>The PostgreSQL type, e.g. <c>varchar(30)</c> or <c>integer</c>.</summary>
    public string SqlType { get; }

    public bool IsNullable { get; }

    /// <summary>The <c>[MaxLength]</c>, or 0 when there is none.</summary>
    public int MaxLength { get; }

    public bool IsKey { get; }

    /// <summary>The database assigns the value on insert (an <c>int</c>/<c>long</c> key).</summary>
    public bool IsIdentity { get; }

    /// <summary>The column's SQL default (from <c>[DefaultValue]</c>), already a literal the generator produced.</summary>
    public string? DefaultSql { get; }

    /// <summary>The position of this column in <see cref="ModelMeta.Columns"/>.</summary>
    public int Ordinal { get; internal set; }

    /// <summary>The model this column belongs to.</summary>
    public ModelMeta Model { get; internal set; } = null!;

    public override string ToString() => $"{Model?.ClassName}.{Property}";
}
