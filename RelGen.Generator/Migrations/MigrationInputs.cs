using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RelGen.Generator.Diagnostics;
using RelGen.Generator.Model;
using RelGen.Schema.Files;

namespace RelGen.Generator.Migrations;

/// <summary>
/// Reads the additional files the RelGen package hands over (<c>build/RelGen.props</c> marks them <c>RelGenMigration</c>):
/// each <c>Migrations/*.sql</c> in the format of <see cref="MigrationFile"/>, and <c>relgen.snapshot.json</c>. Other
/// additional files are left alone without reading their text.
/// </summary>
internal static class MigrationInputs
{
    public const string MetadataKey = "build_metadata.AdditionalFiles.RelGenMigration";
    public const string SnapshotFileName = "relgen.snapshot.json";

    /// <summary>The file as a migration or snapshot, or null when it is not one of RelGen's.</summary>
    public static MigrationInputSpec? Read(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        if (!options.GetOptions(file).TryGetValue(MetadataKey, out var flag) || !string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase))
            return null;
        var fileName = FileName(file.Path);
        var isSnapshot = string.Equals(fileName, SnapshotFileName, StringComparison.OrdinalIgnoreCase);
        if (!isSnapshot && !fileName.EndsWith(MigrationFile.Extension, StringComparison.OrdinalIgnoreCase))
            return null;
        var text = file.GetText(cancellationToken)?.ToString();
        if (text is null)
            return Failed(file.Path, isSnapshot, fileName, "the file cannot be read");
        if (isSnapshot)
            return new MigrationInputSpec(file.Path, true, fileName, text, null, null);
        var name = fileName.Substring(0, fileName.Length - MigrationFile.Extension.Length);
        if (!MigrationFile.IsValidName(name))
        {
            return Failed(file.Path, false, name,
                "its name is not <yyyyMMddHHmmss>_<Name>.sql (fourteen digits, an underscore, a name of letters, digits and underscores starting with a letter); files in the migrations folder are applied in name order, so rename it or move it out");
        }
        try
        {
            var parsed = MigrationFile.Parse(name, text);
            return new MigrationInputSpec(file.Path, false, name, parsed.UpSql, parsed.DownSql, null);
        }
        catch (FormatException e)
        {
            return Failed(file.Path, false, name, e.Message);
        }
    }

    /// <summary>The migrations in the order they apply; two files of one name (in two subfolders) are an error.</summary>
    public static MigrationSetSpec Collect(ImmutableArray<MigrationInputSpec> inputs)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var migrations = new List<MigrationInputSpec>();
        foreach (var group in inputs.Where(i => !i.IsSnapshot).GroupBy(i => i.Name, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var files = group.OrderBy(i => i.Path, StringComparer.Ordinal).ToList();
            foreach (var file in files.Where(f => f.Error is not null))
                diagnostics.Add(file.Error!);
            if (files.Count > 1)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MalformedMigration, FileStart(files[1].Path), files[1].Path,
                    $"migration {group.Key} is also in '{files[0].Path}'; migration names must be unique"));
                continue;
            }
            if (files[0].Error is null)
                migrations.Add(files[0]);
        }
        return new MigrationSetSpec(new EquatableArray<MigrationInputSpec>(migrations), new EquatableArray<DiagnosticInfo>(diagnostics));
    }

    /// <summary>The start of an additional file, where a diagnostic about the whole file goes.</summary>
    public static Location FileStart(string path) => Location.Create(path, new TextSpan(0, 0), new LinePositionSpan(LinePosition.Zero, LinePosition.Zero));

    private static MigrationInputSpec Failed(string path, bool isSnapshot, string name, string problem)
        => new(path, isSnapshot, name, "", null, DiagnosticInfo.Create(DiagnosticDescriptors.MalformedMigration, FileStart(path), path, problem));

    /// <summary>The file name of a path written with either separator (the generator may run on another OS than wrote it).</summary>
    private static string FileName(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash < 0 ? path : path.Substring(slash + 1);
    }
}
