using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace RelGen.Generator.Parsing;

/// <summary>Name conversions: snake_case columns and tables, camelCase parameters.</summary>
internal static class Naming
{
    /// <summary><c>PubDate</c> → <c>pub_date</c>, <c>HTMLParser</c> → <c>html_parser</c>.</summary>
    public static string SnakeCase(string name)
    {
        var result = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '\0';
                var next = i + 1 < name.Length ? name[i + 1] : '\0';
                var boundary = i > 0 && previous != '_'
                    && (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next)));
                if (boundary)
                    result.Append('_');
                result.Append(char.ToLowerInvariant(c));
            }
            else
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }

    /// <summary><c>PubDate</c> → <c>pubDate</c>, escaped with <c>@</c> when it is a C# keyword.</summary>
    public static string Parameter(string name)
    {
        var upper = 0;
        while (upper < name.Length && char.IsUpper(name[upper]))
            upper++;
        // "URL" → "url", "URLPath" → "urlPath", "Headline" → "headline".
        var cut = upper <= 1 || upper == name.Length ? upper : upper - 1;
        var camel = name.Substring(0, cut).ToLowerInvariant() + name.Substring(cut);
        return SyntaxFacts.GetKeywordKind(camel) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(camel) == SyntaxKind.VarKeyword
            ? "@" + camel
            : camel;
    }
}
