using System;
using System.Globalization;

namespace RelGen.Schema.Ddl;

/// <summary>What the DDL writer needs to know about a column type: its zero value and which changes need a <c>USING</c> cast.</summary>
public static class PostgresTypes
{
    /// <summary>
    /// The value a C# property of this type holds by default (0, '', false, the zero date, the empty GUID), as an
    /// SQL literal; null for a type RelGen does not map. Existing rows get it when a NOT NULL column is added or a
    /// column becomes NOT NULL, as EF Core does, so the migration runs on a table that already has rows.
    /// </summary>
    public static string? ZeroLiteral(string type)
    {
        switch (BaseName(type))
        {
            case "smallint": case "integer": case "int": case "int2": case "int4": case "int8": case "bigint":
            case "numeric": case "decimal": case "real": case "double precision": case "float4": case "float8":
                return "0";
            case "text": case "varchar": case "character varying": case "char": case "character": case "bpchar":
                return "''";
            case "boolean": case "bool":
                return "false";
            case "date":
                return "'0001-01-01'";
            case "time": case "time without time zone":
                return "'00:00:00'";
            case "timestamp": case "timestamp without time zone":
                return "'0001-01-01 00:00:00'";
            case "timestamptz": case "timestamp with time zone":
                return "'0001-01-01 00:00:00+00'";
            case "interval":
                return "'0 seconds'";
            case "uuid":
                return "'00000000-0000-0000-0000-000000000000'";
            case "bytea":
                return "'\\x'";
            default:
                return null;
        }
    }

    /// <summary>
    /// True when PostgreSQL converts the old type to the new one by itself (within the character types, within
    /// the number types). Other changes get <c>USING column::new_type</c>. No <c>USING</c> where none is needed
    /// matters: an explicit cast to a shorter <c>varchar(n)</c> truncates silently, the implicit one fails.
    /// </summary>
    public static bool ConvertsImplicitly(string fromType, string toType)
    {
        var from = Family(fromType);
        return from is not null && from == Family(toType);
    }

    /// <summary>The <c>n</c> of <c>varchar(n)</c> (or <c>character varying(n)</c>), else null.</summary>
    public static int? VarcharLength(string type)
    {
        var name = BaseName(type);
        if (name is not ("varchar" or "character varying"))
            return null;
        var open = type.IndexOf('(');
        var close = type.IndexOf(')');
        return open > 0 && close > open && int.TryParse(type.Substring(open + 1, close - open - 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;
    }

    private static string? Family(string type) => BaseName(type) switch
    {
        "text" or "varchar" or "character varying" or "char" or "character" or "bpchar" => "character",
        "smallint" or "integer" or "int" or "int2" or "int4" or "int8" or "bigint" or "numeric" or "decimal"
            or "real" or "double precision" or "float4" or "float8" => "number",
        _ => null,
    };

    /// <summary>The type without modifiers or array brackets, lower case: <c>varchar(30)</c> is <c>varchar</c>.</summary>
    private static string BaseName(string type)
    {
        var name = type.Trim();
        var paren = name.IndexOf('(');
        if (paren >= 0)
        {
            var close = name.IndexOf(')', paren);
            name = name.Substring(0, paren) + (close >= 0 ? name.Substring(close + 1) : "");
        }
        return name.Trim().ToLowerInvariant();
    }
}
