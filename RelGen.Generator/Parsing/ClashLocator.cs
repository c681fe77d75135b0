using Microsoft.CodeAnalysis;
using RelGen.Generator.Diagnostics;
using RelGen.Generator.Model;

namespace RelGen.Generator.Parsing;

/// <summary>Finds where a cross-model clash sits (the relation property, or the model) once the specs have found it.</summary>
internal static class ClashLocator
{
    public static Diagnostic ToDiagnostic(ClashSpec clash, Compilation compilation)
    {
        Location? location = null;
        if (compilation.GetTypeByMetadataName(clash.ModelMetadataName) is { } type)
        {
            // An empty property means the model itself (a table name taken twice, say).
            if (clash.Property.Length == 0)
                location = type.FirstLocation();
            foreach (var member in clash.Property.Length == 0 ? [] : type.GetMembers(clash.Property))
            {
                location = member.FirstLocation();
                break;
            }
        }
        return new DiagnosticInfo(clash.DescriptorId, LocationInfo.From(location), clash.Arguments).ToDiagnostic();
    }
}
