using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace RelGen.Generator.Parsing;

/// <summary>
/// The properties a model may map: those of its base classes (abstract or not, any depth, generic ones constructed) and
/// its own, from the topmost base down, each name once. An override or a <c>new</c> property keeps the place of the
/// property it replaces and brings its own type and attributes (the most derived declaration is what <c>e.Name</c> means).
/// </summary>
internal static class PropertyCollector
{
    /// <summary>The base classes of <paramref name="type"/>, nearest first, without <c>object</c>.</summary>
    public static IEnumerable<INamedTypeSymbol> BaseClasses(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            yield return current;
    }

    /// <summary>The nearest base class marked <c>[Model]</c>, or null.</summary>
    public static INamedTypeSymbol? ModelBase(INamedTypeSymbol type)
    {
        foreach (var baseClass in BaseClasses(type))
        {
            if (baseClass.OriginalDefinition.Has(KnownNames.Model))
                return baseClass;
        }
        return null;
    }

    /// <summary>Every instance, non-indexer property, base classes first (none when <paramref name="withBases"/> is false).</summary>
    public static List<IPropertySymbol> Properties(INamedTypeSymbol type, bool withBases = true)
    {
        var chain = new List<INamedTypeSymbol>();
        if (withBases)
            chain.AddRange(BaseClasses(type));
        chain.Reverse();
        chain.Add(type);
        var result = new List<IPropertySymbol>();
        var positions = new Dictionary<string, int>();
        foreach (var declaring in chain)
        {
            foreach (var member in declaring.GetMembers())
            {
                if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false } property || property.IsImplicitlyDeclared)
                    continue;
                if (positions.TryGetValue(property.Name, out var position))
                {
                    result[position] = property;
                }
                else
                {
                    positions[property.Name] = result.Count;
                    result.Add(property);
                }
            }
        }
        return result;
    }

    /// <summary>True when <paramref name="property"/> is declared on a base class rather than on <paramref name="model"/>.</summary>
    public static bool IsInherited(IPropertySymbol property, INamedTypeSymbol model)
        => !SymbolEqualityComparer.Default.Equals(property.ContainingType.OriginalDefinition, model.OriginalDefinition);

    /// <summary>Every member name of <paramref name="type"/> and its base classes (what a generated member must not hide).</summary>
    public static IEnumerable<ISymbol> MembersNamed(INamedTypeSymbol type, string name)
    {
        foreach (var member in type.GetMembers(name))
            yield return member;
        foreach (var baseClass in BaseClasses(type))
        {
            foreach (var member in baseClass.GetMembers(name))
            {
                if (member.DeclaredAccessibility != Accessibility.Private)
                    yield return member;
            }
        }
    }
}
