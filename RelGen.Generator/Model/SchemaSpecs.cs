using RelGen.Generator.Diagnostics;

namespace RelGen.Generator.Model;

/// <summary>What the referenced assemblies bring: the public models of those RelGen generated (to register) and their schemas.</summary>
/// <param name="ModelTypes">Their public models, fully qualified, ordered.</param>
/// <param name="Schemas">Each such assembly's snapshot JSON, by assembly name.</param>
internal sealed record ReferencedModelsSpec(EquatableArray<string> ModelTypes, EquatableArray<ReferencedSchemaSpec> Schemas)
{
    public static ReferencedModelsSpec Empty { get; } = new(EquatableArray<string>.Empty, EquatableArray<ReferencedSchemaSpec>.Empty);
}

/// <summary>One referenced assembly's <c>SchemaSnapshotAttribute</c>.</summary>
internal sealed record ReferencedSchemaSpec(string Assembly, string Json);

/// <summary>
/// The schema of the compilation: the snapshot JSON the assembly carries (its models' tables and those of the RelGen
/// assemblies it references), the DDL that creates its own tables, and the cross-model naming problems found on the way.
/// <see cref="Json"/> is null when there is nothing to describe or a model has errors.
/// </summary>
internal sealed record SchemaOutputSpec(string? Json, EquatableArray<TableDdlSpec> Tables, EquatableArray<ClashSpec> Problems, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One table's DDL: its <c>CREATE TABLE</c>, then what needs every table to exist (its indexes, its foreign keys).</summary>
internal sealed record TableDdlSpec(string Table, string Create, EquatableArray<string> After);

/// <summary>An additional file the RelGen package marked <c>RelGenMigration</c>: a migration or the snapshot.</summary>
/// <param name="Path">The file's path.</param>
/// <param name="IsSnapshot">True for <c>relgen.snapshot.json</c>.</param>
/// <param name="Name">A migration's name (the file name without <c>.sql</c>).</param>
/// <param name="Up">The up SQL (the snapshot's text for the snapshot).</param>
/// <param name="Down">The down SQL, null when the file has none.</param>
/// <param name="Error">Why the file cannot be read, or null.</param>
internal sealed record MigrationInputSpec(string Path, bool IsSnapshot, string Name, string Up, string? Down, DiagnosticInfo? Error);

/// <summary>Every migration file, ordered by name, and the problems with them.</summary>
internal sealed record MigrationSetSpec(EquatableArray<MigrationInputSpec> Migrations, EquatableArray<DiagnosticInfo> Diagnostics);
