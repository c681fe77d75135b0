using System;
using System.Collections.Generic;
using System.Linq;

namespace RelGen.Schema.Diff;

/// <summary>
/// Renames the user confirmed: tables (old name to new) and columns (within a table named by its new name,
/// old column name to new). The differ turns them into <c>RENAME</c> statements instead of drop and add.
/// </summary>
public sealed class SchemaRenames
{
    private readonly Dictionary<string, string> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Table, string Column), string> _columns = new();

    public static SchemaRenames None { get; } = new();

    public IReadOnlyDictionary<string, string> Tables => _tables;

    /// <summary>Keyed by (new table name, old column name).</summary>
    public IReadOnlyDictionary<(string Table, string Column), string> Columns => _columns;

    public bool IsEmpty => _tables.Count == 0 && _columns.Count == 0;

    public SchemaRenames RenameTable(string oldName, string newName)
    {
        if (_tables.ContainsKey(oldName) || _tables.ContainsValue(newName))
            throw new ArgumentException($"Table '{oldName}' or '{newName}' is already part of a rename.");
        _tables[oldName] = newName;
        return this;
    }

    /// <param name="table">The table's name in the new schema.</param>
    public SchemaRenames RenameColumn(string table, string oldName, string newName)
    {
        if (_columns.ContainsKey((table, oldName)) || _columns.Any(c => c.Key.Table == table && c.Value == newName))
            throw new ArgumentException($"Column '{table}.{oldName}' or '{table}.{newName}' is already part of a rename.");
        _columns[(table, oldName)] = newName;
        return this;
    }

    /// <summary>The new name of table <paramref name="oldName"/> (itself when not renamed).</summary>
    public string NewTableName(string oldName) => _tables.TryGetValue(oldName, out var name) ? name : oldName;

    /// <summary>The old name of table <paramref name="newName"/> (itself when not renamed).</summary>
    public string OldTableName(string newName)
    {
        foreach (var pair in _tables)
        {
            if (pair.Value == newName)
                return pair.Key;
        }
        return newName;
    }

    /// <summary>The new name of column <paramref name="oldColumn"/> of the table called <paramref name="newTable"/> now.</summary>
    public string NewColumnName(string newTable, string oldColumn)
        => _columns.TryGetValue((newTable, oldColumn), out var name) ? name : oldColumn;

    /// <summary>The same renames backwards, for the down script.</summary>
    public SchemaRenames Inverse()
    {
        var inverse = new SchemaRenames();
        foreach (var pair in _tables)
            inverse._tables[pair.Value] = pair.Key;
        foreach (var pair in _columns)
            inverse._columns[(OldTableName(pair.Key.Table), pair.Value)] = pair.Key.Column;
        return inverse;
    }
}
