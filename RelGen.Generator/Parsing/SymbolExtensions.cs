using Microsoft.CodeAnalysis;

namespace RelGen.Generator.Parsing;

/// <summary>Small symbol queries the parser repeats.</summary>
internal static class SymbolExtensions
{
    public static AttributeData? Attribute(this ISymbol symbol, string metadataName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == metadataName)
                return attribute;
        }
        return null;
    }

    public static bool Has(this ISymbol symbol, string metadataName) => symbol.Attribute(metadataName) is not null;

    public static TypedConstant? Named(this AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name)
                return pair.Value;
        }
        return null;
    }

    public static Location? FirstLocation(this ISymbol symbol) => symbol.Locations.Length > 0 ? symbol.Locations[0] : null;

    public static string FullyQualified(this ITypeSymbol type)
        => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
}
