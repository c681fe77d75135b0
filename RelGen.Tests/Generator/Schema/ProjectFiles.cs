extern alias generator;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace RelGen.Tests.Generator.Schema;

/// <summary>
/// A project's additional files as the RelGen package's <c>build/RelGen.props</c> hands them to the generator: each with
/// metadata <c>RelGenMigration=true</c> (as <c>build_metadata.AdditionalFiles.RelGenMigration</c>), plus MSBuild properties.
/// </summary>
internal sealed class ProjectFiles
{
    private readonly Dictionary<string, (string Text, bool Migration)> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _properties = new(StringComparer.Ordinal);

    /// <summary>A file the props file marks (a migration or the snapshot), under <c>/project/Migrations/</c>.</summary>
    public ProjectFiles Migration(string fileName, string text) => Add(MigrationsFolder + fileName, text, migration: true);

    public const string MigrationsFolder = "/project/Migrations/";

    /// <summary>An additional file of the project's own, without RelGen's metadata.</summary>
    public ProjectFiles Other(string path, string text) => Add(path, text, migration: false);

    public ProjectFiles Add(string path, string text, bool migration)
    {
        _files[path] = (text, migration);
        _texts = null;
        return this;
    }

    /// <summary>An MSBuild property the generator sees (<c>build_property.{name}</c>).</summary>
    public ProjectFiles Property(string name, string value)
    {
        _properties["build_property." + name] = value;
        return this;
    }

    private ImmutableArray<AdditionalText>? _texts;

    /// <summary>The files, the same instances each time (a driver replaces a text by identity).</summary>
    public ImmutableArray<AdditionalText> Texts => _texts ??= [.. _files.Select(f => (AdditionalText)new Text(f.Key, f.Value.Text))];

    /// <summary>Marks the migration files, and any file added later under <c>/project/Migrations/</c> (as the props file's glob would).</summary>
    public AnalyzerConfigOptionsProvider Options
        => new Provider(_files.Where(f => !f.Value.Migration).Select(f => f.Key).ToHashSet(StringComparer.Ordinal), _properties);

    /// <summary>A driver over these files, recording steps, ready to run on a compilation.</summary>
    public GeneratorDriver CreateDriver()
        => CSharpGeneratorDriver.Create(
            [new generator::RelGen.Generator.RelGenGenerator().AsSourceGenerator()],
            Texts,
            GeneratorHarness.ParseOptions,
            Options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public GeneratorRun Run(params string[] sources) => GeneratorHarness.Run(CreateDriver(), GeneratorHarness.CreateCompilation(sources));

    private sealed class Text(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class Provider(HashSet<string> unmarked, Dictionary<string, string> properties) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions => new DictionaryOptions(properties);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new DictionaryOptions([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
            => new DictionaryOptions(IsMarked(textFile.Path) ? new Dictionary<string, string> { ["build_metadata.AdditionalFiles.RelGenMigration"] = "true" } : []);

        private bool IsMarked(string path) => path.StartsWith(MigrationsFolder, StringComparison.Ordinal) && !unmarked.Contains(path);
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
