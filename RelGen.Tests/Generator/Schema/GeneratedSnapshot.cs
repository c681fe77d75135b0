using RelGen.Schema.Json;
using RelGen.Schema.Snapshots;

namespace RelGen.Tests.Generator.Schema;

/// <summary>The schema snapshot a generator run put on the assembly, read as the tool reads it: the attribute's JSON.</summary>
internal static class GeneratedSnapshot
{
    public static SchemaSnapshot? Of(GeneratorRun run)
    {
        var attribute = run.Output.Assembly.GetAttributes()
            .SingleOrDefault(a => a.AttributeClass?.ToDisplayString() == "RelGen.Metadata.SchemaSnapshotAttribute");
        return attribute?.ConstructorArguments[0].Value is string json ? SnapshotJson.Read(json) : null;
    }

    public static TableSnapshot Table(GeneratorRun run, string name)
        => (Of(run) ?? throw new AssertionException("the run put no snapshot on the assembly: " + run.Describe())).FindTable(name)
           ?? throw new AssertionException($"the snapshot has no table {name}");

    public static string[] ColumnNames(GeneratorRun run, string table) => Table(run, table).Columns.Select(c => c.Name).ToArray();
}
