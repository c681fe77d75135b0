using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RelGen.Generator.Parsing;

/// <summary>Turns a <c>[DefaultValue]</c> constant into a C# literal and a SQL literal.</summary>
internal static class DefaultValues
{
    public static (string CSharp, string Sql)? From(TypedConstant constant)
    {
        if (constant.IsNull || constant.Kind == TypedConstantKind.Array)
            return null;
        var value = constant.Value;
        return value switch
        {
            string s => (SymbolDisplay.FormatLiteral(s, quote: true), "'" + s.Replace("'", "''") + "'"),
            bool b => (b ? "true" : "false", b ? "TRUE" : "FALSE"),
            int or long or short or byte => (Convert.ToString(value, CultureInfo.InvariantCulture)!, Convert.ToString(value, CultureInfo.InvariantCulture)!),
            double d => (d.ToString("R", CultureInfo.InvariantCulture) + "d", d.ToString("R", CultureInfo.InvariantCulture)),
            _ => null,
        };
    }
}
