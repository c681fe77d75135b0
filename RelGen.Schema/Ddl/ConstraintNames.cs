using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace RelGen.Schema.Ddl;

/// <summary>
/// The names RelGen gives the keys, constraints and indexes it declares, PostgreSQL's own conventions where it has them
/// (<c>{table}_pkey</c>, <c>{table}_{column}_fkey</c>, <c>{table}_{columns}_key</c>, <c>{table}_{columns}_idx</c>). The
/// generator names everything in a model's snapshot with these, and <c>CreateTablesAsync</c> runs that snapshot's DDL, so
/// a database it made has exactly the names a migration would give. A name over PostgreSQL's 63 bytes is cut and ends in
/// a hash of the whole name, so two long names that share their first 54 bytes still differ.
/// </summary>
public static class ConstraintNames
{
    /// <summary>PostgreSQL keeps the first 63 bytes of an identifier (NAMEDATALEN - 1) and drops the rest.</summary>
    public const int MaxBytes = 63;

    private const int CutBytes = MaxBytes - 9;

    public static string PrimaryKey(string table) => Fit(table + "_pkey");

    public static string ForeignKey(string table, string column) => Fit(table + "_" + column + "_fkey");

    /// <summary>The index RelGen puts on every foreign key column.</summary>
    public static string ForeignKeyIndex(string table, string column) => Index(table, new[] { column });

    /// <summary>A <c>UNIQUE</c> constraint (<c>[Unique]</c>).</summary>
    public static string Unique(string table, IEnumerable<string> columns) => Fit(table + "_" + string.Join("_", columns) + "_key");

    /// <summary>An index, unique or not (<c>[Index]</c>).</summary>
    public static string Index(string table, IEnumerable<string> columns) => Fit(table + "_" + string.Join("_", columns) + "_idx");

    /// <summary>The UTF-8 length PostgreSQL measures an identifier by.</summary>
    public static int ByteLength(string name) => Encoding.UTF8.GetByteCount(name);

    /// <summary>
    /// <paramref name="name"/> when it fits in 63 bytes; else its first 54 bytes (never half a character), <c>_</c> and
    /// eight hex digits of its FNV-1a hash, which is stable across processes and platforms (string.GetHashCode is not).
    /// </summary>
    public static string Fit(string name)
    {
        if (ByteLength(name) <= MaxBytes)
            return name;
        var hash = 2166136261u;
        foreach (var c in name)
            hash = unchecked((hash ^ c) * 16777619u);
        var cut = new StringBuilder();
        var bytes = 0;
        for (var i = 0; i < name.Length; i++)
        {
            var length = char.IsHighSurrogate(name[i]) && i + 1 < name.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(name.ToCharArray(i, length));
            if (bytes + size > CutBytes)
                break;
            cut.Append(name, i, length);
            bytes += size;
            i += length - 1;
        }
        return cut.Append('_').Append(hash.ToString("x8", CultureInfo.InvariantCulture)).ToString();
    }
}
