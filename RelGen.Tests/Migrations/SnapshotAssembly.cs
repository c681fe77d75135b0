using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RelGen.Schema.Json;
using RelGen.Schema.Snapshots;

namespace RelGen.Tests.Migrations;

/// <summary>Compiles an assembly that carries a snapshot the way generated code will: <c>[assembly: RelGen.Metadata.SchemaSnapshotAttribute("…")]</c>.</summary>
static class SnapshotAssembly
{
    public static string Emit(string path, SchemaSnapshot snapshot) => EmitSource(path, Attribute(SnapshotJson.Write(snapshot, indented: false)));

    public static string Attribute(string json) => $"[assembly: global::RelGen.Metadata.SchemaSnapshotAttribute({SymbolDisplay.FormatLiteral(json, quote: true)})]";

    public static string EmitSource(string path, string source)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var compilation = CSharpCompilation.Create(Path.GetFileNameWithoutExtension(path),
            [CSharpSyntaxTree.ParseText(source)],
            [
                MetadataReference.CreateFromFile(typeof(object).Assembly.Location),
                MetadataReference.CreateFromFile(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "System.Runtime.dll")),
                MetadataReference.CreateFromFile(typeof(Metadata.SchemaSnapshotAttribute).Assembly.Location),
            ],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var result = compilation.Emit(path);
        Assert.That(result.Success, Is.True, string.Join(Environment.NewLine, result.Diagnostics));
        return path;
    }
}
