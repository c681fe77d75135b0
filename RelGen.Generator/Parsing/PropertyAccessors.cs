using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RelGen.Generator.Parsing;

/// <summary>
/// The accessors of a partial property's definition as written (<c>get</c>, <c>private set</c>, <c>init</c>):
/// the generated implementation must repeat them exactly, or the compiler rejects it.
/// </summary>
internal static class PropertyAccessors
{
    /// <summary>The getter and the setter (<c>set</c> or <c>init</c>) with their modifiers; empty when not declared.</summary>
    public static (string Get, string Set) Declared(PropertyDeclarationSyntax? syntax)
    {
        if (syntax?.AccessorList is null)
            return ("get", "set");
        var get = "";
        var set = "";
        foreach (var accessor in syntax.AccessorList.Accessors)
        {
            var text = string.Join(" ", accessor.Modifiers.Select(m => m.Text).Concat([accessor.Keyword.Text]));
            if (accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
                get = text;
            else
                set = text;
        }
        return (get, set);
    }
}
