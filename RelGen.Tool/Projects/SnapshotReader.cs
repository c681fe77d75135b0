using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using RelGen.Tool.Cli;

namespace RelGen.Tool.Projects;

/// <summary>
/// Reads the generator's <c>[assembly: RelGen.Metadata.SchemaSnapshotAttribute("…")]</c> from a built assembly's
/// metadata, without loading or running any of its code: the tool never executes the user's project.
/// </summary>
internal static class SnapshotReader
{
    public const string AttributeNamespace = "RelGen.Metadata";
    public const string AttributeName = "SchemaSnapshotAttribute";

    /// <summary>The attribute's JSON, or null when the assembly has none.</summary>
    public static string? ReadJson(string assemblyPath)
    {
        if (!File.Exists(assemblyPath))
            throw new ToolException($"{assemblyPath} does not exist: build the project first, or leave out --no-build.");
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
                throw new ToolException($"{assemblyPath} is not a .NET assembly.");
            var metadata = pe.GetMetadataReader();
            if (!metadata.IsAssembly)
                throw new ToolException($"{assemblyPath} is not a .NET assembly.");
            foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
            {
                var attribute = metadata.GetCustomAttribute(handle);
                if (!IsSnapshotAttribute(metadata, attribute.Constructor))
                    continue;
                var value = metadata.GetBlobReader(attribute.Value);
                // ECMA-335 II.23.3: a prolog of 0x0001, then the one string argument.
                if (value.ReadUInt16() != 1)
                    throw new ToolException($"{assemblyPath}: the {AttributeName} value is malformed.");
                return value.ReadSerializedString() ?? throw new ToolException($"{assemblyPath}: the {AttributeName} holds null.");
            }
            return null;
        }
        catch (BadImageFormatException e)
        {
            throw new ToolException($"{assemblyPath} is not a readable .NET assembly: {e.Message}");
        }
    }

    private static bool IsSnapshotAttribute(MetadataReader metadata, EntityHandle constructor)
    {
        EntityHandle type;
        if (constructor.Kind == HandleKind.MemberReference)
            type = metadata.GetMemberReference((MemberReferenceHandle)constructor).Parent;
        else if (constructor.Kind == HandleKind.MethodDefinition)
            type = metadata.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType();
        else
            return false;
        return type.Kind switch
        {
            HandleKind.TypeReference => Is(metadata, metadata.GetTypeReference((TypeReferenceHandle)type).Namespace, metadata.GetTypeReference((TypeReferenceHandle)type).Name),
            HandleKind.TypeDefinition => Is(metadata, metadata.GetTypeDefinition((TypeDefinitionHandle)type).Namespace, metadata.GetTypeDefinition((TypeDefinitionHandle)type).Name),
            _ => false,
        };
    }

    private static bool Is(MetadataReader metadata, StringHandle ns, StringHandle name)
        => metadata.StringComparer.Equals(ns, AttributeNamespace) && metadata.StringComparer.Equals(name, AttributeName);
}
