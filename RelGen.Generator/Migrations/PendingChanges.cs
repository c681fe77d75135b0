using System;
using System.Collections.Immutable;
using System.Linq;
using RelGen.Generator.Diagnostics;
using RelGen.Generator.Model;
using RelGen.Schema.Diff;
using RelGen.Schema.Json;
using RelGen.Schema.Snapshots;

namespace RelGen.Generator.Migrations;

/// <summary>
/// Compares the models' schema with the latest migration's snapshot (<c>relgen.snapshot.json</c>) at build time: an RG
/// warning names the first difference, where EF Core finds pending changes only at run time. No snapshot file, no warning;
/// <c>RelGenCheckMigrations=false</c> turns the check off (the tool does, for the build it runs before writing a migration).
/// </summary>
internal static class PendingChanges
{
    public const string CheckProperty = "build_property.RelGenCheckMigrations";

    public static EquatableArray<DiagnosticInfo> Find(SchemaOutputSpec schema, ImmutableArray<MigrationInputSpec> files, bool enabled)
    {
        var snapshot = files.Where(f => f.IsSnapshot).OrderBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault();
        if (!enabled || snapshot is null || schema.Json is null)
            return EquatableArray<DiagnosticInfo>.Empty;
        if (snapshot.Error is not null)
            return new EquatableArray<DiagnosticInfo>([snapshot.Error]);
        var location = MigrationInputs.FileStart(snapshot.Path);
        SchemaSnapshot latest;
        try
        {
            latest = SnapshotJson.Read(snapshot.Up);
        }
        catch (Exception e) when (e is SnapshotFormatException or FormatException or ArgumentException)
        {
            return new EquatableArray<DiagnosticInfo>([DiagnosticInfo.Create(DiagnosticDescriptors.MalformedSnapshot, location, snapshot.Path,
                e.Message + "; resolve a merge conflict so it holds both sides' changes, or write it again with 'dotnet relgen migrations add'")]);
        }
        var diff = SchemaDiffer.Compare(latest, SnapshotJson.Read(schema.Json));
        if (diff.IsEmpty)
            return EquatableArray<DiagnosticInfo>.Empty;
        var more = diff.Changes.Count - 1;
        var first = diff.Changes[0].Description + (more == 0 ? "" : more == 1 ? " (and 1 more change)" : $" (and {more} more changes)");
        return new EquatableArray<DiagnosticInfo>([DiagnosticInfo.Create(DiagnosticDescriptors.PendingModelChanges, location, snapshot.Path, first)]);
    }
}
