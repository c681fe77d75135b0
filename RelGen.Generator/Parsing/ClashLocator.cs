using Microsoft.CodeAnalysis;
using RelGen.Generator.Diagnostics;
using RelGen.Generator.Model;

namespace RelGen.Generator.Parsing;

/// <summary>Finds where a cross-model clash sits (the relation property) once the specs have found it.</summary>
internal static class ClashLocator
{
    public static Diagnostic ToDiagnostic(ClashSpec clash, Compilation compilation)
    {
        Location? location = null;
        if (compilation.GetTypeByMetadataName(clash.ModelMetadataName) is { } type)
        {
            foreach (var member in type.GetMembers(clash.Property))
            {
                location = member.FirstLocation();
                break;
            }
        }
        return new DiagnosticInfo(clash.DescriptorId, LocationInfo.From(location), clash.Arguments).ToDiagnostic();
    }
}
