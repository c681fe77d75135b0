using System.Collections.Generic;
using System.Linq;

namespace RelGen.Schema.Ddl;

/// <summary>Quoting for the DDL writer. Every identifier is quoted, so any name the generator chose is safe.</summary>
public static class SqlText
{
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    public static string Identifiers(IEnumerable<string> names) => string.Join(", ", names.Select(Identifier));

    /// <summary>A string literal (standard_conforming_strings is on in every supported PostgreSQL).</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''") + "'";
}
