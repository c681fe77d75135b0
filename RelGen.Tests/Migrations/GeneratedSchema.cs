using System.Reflection;
using RelGen.Metadata;
using RelGen.Schema.Json;
using RelGen.Schema.Snapshots;

namespace RelGen.Tests.Migrations;

/// <summary>The schema snapshot the generator put on this test assembly: its models' tables and those of RelGen.Tests.Library.</summary>
static class GeneratedSchema
{
    public static SchemaSnapshot OfTestAssembly { get; } = SnapshotJson.Read(
        typeof(GeneratedSchema).Assembly.GetCustomAttribute<SchemaSnapshotAttribute>()?.Json
        ?? throw new InvalidOperationException("The generator put no SchemaSnapshotAttribute on the test assembly."));
}
