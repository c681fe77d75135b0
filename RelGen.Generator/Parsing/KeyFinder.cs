using Microsoft.CodeAnalysis;

namespace RelGen.Generator.Parsing;

/// <summary>
/// Finds a model's primary key among its properties and its base classes' (<see cref="PropertyCollector"/>): the property
/// marked <c>[PrimaryKey]</c> (or DataAnnotations' <c>[Key]</c>, EF Core's habit), else the property named Id.
/// </summary>
internal static class KeyFinder
{
    public static (IPropertySymbol? Key, IPropertySymbol? Extra) Find(INamedTypeSymbol type, bool withBases = true)
    {
        IPropertySymbol? marked = null;
        IPropertySymbol? named = null;
        foreach (var property in PropertyCollector.Properties(type, withBases))
        {
            if (IsMarked(property))
            {
                if (marked is not null)
                    return (marked, property);
                marked = property;
            }
            else if (property.Name == "Id" && !property.Has(KnownNames.NotMapped))
            {
                named = property;
            }
        }
        return (marked ?? named, null);
    }

    /// <summary>The key's name and type as a relation to <paramref name="type"/> sees it; the type is null for a generated key (<c>int Id</c>).</summary>
    public static (string Property, ITypeSymbol? Type) Describe(INamedTypeSymbol type)
    {
        var key = Find(type).Key;
        return key is null ? ("Id", null) : (key.Name, key.Type);
    }

    private static bool IsMarked(IPropertySymbol property) => property.Has(KnownNames.PrimaryKey) || property.Has(KnownNames.Key);
}
