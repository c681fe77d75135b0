using System.ComponentModel;

namespace RelGen.Metadata;

/// <summary>
/// The DDL that creates one model's table from nothing, as the generator wrote it from the assembly's schema snapshot with
/// the migrations' DDL writer: the <c>CREATE TABLE</c> (columns, key, unique and check constraints), then what needs every
/// table to exist (indexes, foreign keys). Registered through <see cref="SchemaRegistry.Register"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TableSchema
{
    /// <summary>Table <paramref name="name"/>, created by <paramref name="createSql"/>, then completed by <paramref name="afterSql"/>.</summary>
    public TableSchema(string name, string createSql, params string[] afterSql)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(createSql);
        ArgumentNullException.ThrowIfNull(afterSql);
        Name = name;
        CreateSql = createSql;
        AfterSql = afterSql;
    }

    /// <summary>The table name, unquoted.</summary>
    public string Name { get; }

    /// <summary>The <c>CREATE TABLE</c> statement.</summary>
    public string CreateSql { get; }

    /// <summary>The table's indexes, then its foreign keys: run once every table exists.</summary>
    public IReadOnlyList<string> AfterSql { get; }

    public override string ToString() => Name;
}
