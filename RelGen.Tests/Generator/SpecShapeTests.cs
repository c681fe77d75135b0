extern alias generator;

using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using generator::RelGen.Generator;
using generator::RelGen.Generator.Model;

namespace RelGen.Tests.Generator;

/// <summary>
/// What flows through the pipeline must compare by value and hold no compilation: no Roslyn type (symbols,
/// syntax, locations) and no ImmutableArray (reference equality) anywhere in the specs, however deep.
/// </summary>
public class SpecShapeTests
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private static readonly Assembly GeneratorAssembly = typeof(RelGenGenerator).Assembly;

    [Test]
    public void SpecsHoldNoRoslynTypesAndNoImmutableArrays()
    {
        var specs = GeneratorAssembly.GetTypes()
            .Where(t => t.Namespace == "RelGen.Generator.Model" && !t.IsDefined(typeof(CompilerGeneratedAttribute)))
            .ToList();
        var visited = new HashSet<Type>();
        var offenders = new List<string>();
        foreach (var spec in specs)
            Walk(spec, spec.Name, visited, offenders);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(offenders, Is.Empty);
            // The walk reached the specs and what they hold, generic arguments included.
            Assert.That(visited, Is.SupersetOf(new[]
            {
                typeof(ModelSpec), typeof(ColumnSpec), typeof(RelationSpec), typeof(ParseResult), typeof(ModelGraph),
                typeof(EquatableArray<ColumnSpec>), typeof(EquatableArray<generator::RelGen.Generator.Diagnostics.DiagnosticInfo>),
                typeof(generator::RelGen.Generator.Diagnostics.DiagnosticInfo), typeof(generator::RelGen.Generator.Diagnostics.LocationInfo),
            }));
        }
    }

    /// <summary>Checks <paramref name="type"/>, its element and generic argument types, and (for the generator's own types) every field and property type.</summary>
    private static void Walk(Type type, string path, HashSet<Type> visited, List<string> offenders)
    {
        if (!visited.Add(type))
            return;
        if (IsForbidden(type))
            offenders.Add($"{path}: {type.FullName}");
        if (type.HasElementType)
            Walk(type.GetElementType()!, path + "[]", visited, offenders);
        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
            Walk(argument, $"{path}<{argument.Name}>", visited, offenders);
        if (type.Assembly != GeneratorAssembly)
            return;
        foreach (var field in type.GetFields(Members))
            Walk(field.FieldType, $"{path}.{field.Name}", visited, offenders);
        foreach (var property in type.GetProperties(Members))
            Walk(property.PropertyType, $"{path}.{property.Name}", visited, offenders);
    }

    private static bool IsForbidden(Type type)
        => type.Assembly.GetName().Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
            || (type.Namespace ?? "").StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
            || type == typeof(ImmutableArray)
            || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>));
}
