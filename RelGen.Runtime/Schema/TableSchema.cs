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

    /// <summary>
    /// Citus: the <c>SELECT create_reference_table(…)</c> or <c>SELECT create_distributed_table(…)</c> that makes this a
    /// reference or distributed table (<c>[ReferenceTable]</c>, <c>[DistributedBy]</c>); null for a plain table.
    /// <c>CreateTablesAsync</c> runs it only where the <c>citus</c> extension is installed, after every <c>CREATE TABLE</c>
    /// and before the indexes and foreign keys.
    /// </summary>
    public string? CitusSql { get; init; }

    /// <summary>
    /// Where <see cref="CitusSql"/> runs among the tables': 0 for reference tables, 1 for distributed tables that start a
    /// co-location group, 2 for those joining one (a group's first table must be distributed before them); ties in table
    /// name order.
    /// </summary>
    public int CitusOrder { get; init; }

    /// <summary>The table's <see cref="Name"/>.</summary>
    public override string ToString() => Name;
}
