using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using RelGen.Generator.Model;
using RelGen.Generator.Parsing;

namespace RelGen.Generator.Migrations;

/// <summary>
/// Finds the assemblies the compilation references that RelGen generated (they carry a <c>SchemaSnapshotAttribute</c>):
/// their public models are registered with this assembly's, so <c>CreateTablesAsync</c> creates their tables too (a
/// relation to one of them needs its table), and their schemas join this assembly's snapshot, so one project's
/// migrations can cover a modular solution.
/// </summary>
internal static class ReferencedModels
{
    public static ReferencedModelsSpec Find(Compilation compilation, CancellationToken cancellationToken)
    {
        var models = new List<string>();
        var schemas = new List<ReferencedSchemaSpec>();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var json = SnapshotOf(assembly);
            if (json is null)
                continue;
            schemas.Add(new ReferencedSchemaSpec(assembly.Identity.Name, json));
            Collect(assembly.GlobalNamespace, models, cancellationToken);
        }
        if (schemas.Count == 0)
            return ReferencedModelsSpec.Empty;
        return new ReferencedModelsSpec(
            new EquatableArray<string>(models.Distinct().OrderBy(m => m, System.StringComparer.Ordinal)),
            new EquatableArray<ReferencedSchemaSpec>(schemas.OrderBy(s => s.Assembly, System.StringComparer.Ordinal)));
    }

    private static string? SnapshotOf(IAssemblySymbol assembly)
    {
        foreach (var attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == KnownNames.SchemaSnapshot
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string json)
                return json;
        }
        return null;
    }

    /// <summary>Public, top-level, non-generic classes marked [Model] that RelGen implemented (they implement <c>IModel&lt;T&gt;</c>).</summary>
    private static void Collect(INamespaceSymbol ns, List<string> models, CancellationToken cancellationToken)
    {
        foreach (var type in ns.GetTypeMembers())
        {
            if (type is { DeclaredAccessibility: Accessibility.Public, TypeKind: TypeKind.Class, IsGenericType: false }
                && type.Has(KnownNames.Model)
                && type.AllInterfaces.Any(i => i.OriginalDefinition.ToDisplayString() == KnownNames.IModel))
                models.Add(type.FullyQualified());
        }
        foreach (var inner in ns.GetNamespaceMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            Collect(inner, models, cancellationToken);
        }
    }
}
