extern alias generator;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using generator::RelGen.Generator;

namespace RelGen.Tests.Generator;

/// <summary>
/// Compiles source strings and runs the RelGen generator on them in-process, the way the compiler would
/// for a user's project: C# preview (partial properties), nullable enabled, the SDK's implicit usings.
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        // What the SDK passes as NoWarn by default: assembly-version unification notices.
        specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
        {
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
        });

    /// <summary>What <c>ImplicitUsings</c> gives a user's project; the contract's models rely on it (<c>DateOnly</c>).</summary>
    public const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private const string ImplicitUsingsPath = "GlobalUsings.g.cs";

    /// <summary>Built once and shared: loading metadata for every reference is the slow part of a compilation.</summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> SharedReferences = new(LoadReferences);

    public static ImmutableArray<MetadataReference> References => SharedReferences.Value;

    /// <summary>A compilation of <paramref name="sources"/> (named <c>Source0.cs</c>, <c>Source1.cs</c>, …) plus the implicit usings.</summary>
    public static CSharpCompilation CreateCompilation(params string[] sources) => CreateCompilation("RelGenUserProject", [], sources);

    /// <summary>A compilation named <paramref name="assemblyName"/> that also references <paramref name="extraReferences"/> (another user assembly).</summary>
    public static CSharpCompilation CreateCompilation(string assemblyName, IEnumerable<MetadataReference> extraReferences, params string[] sources)
    {
        var trees = new List<SyntaxTree> { Parse(ImplicitUsings, ImplicitUsingsPath) };
        for (var i = 0; i < sources.Length; i++)
            trees.Add(Parse(sources[i], SourcePath(i)));
        return CSharpCompilation.Create(assemblyName, trees, References.AddRange(extraReferences), CompilationOptions);
    }

    public static string SourcePath(int index) => $"Source{index}.cs";

    public static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    /// <summary>A driver that records every step, for caching assertions.</summary>
    public static GeneratorDriver CreateDriver()
        => CSharpGeneratorDriver.Create(
            [new RelGenGenerator().AsSourceGenerator()],
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true),
            parseOptions: ParseOptions);

    /// <summary>Compiles <paramref name="sources"/> and runs the generator once.</summary>
    public static GeneratorRun Run(params string[] sources) => Run(CreateDriver(), CreateCompilation(sources));

    /// <summary>Runs <paramref name="driver"/> (fresh, or holding a previous run's state) on <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(driver, compilation, output, generatorDiagnostics);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            // The test assembly and the library it references declare models of their own; a user's project would not reference them.
            .Where(p => !string.Equals(Path.GetFileName(p), Path.GetFileName(typeof(GeneratorHarness).Assembly.Location), StringComparison.OrdinalIgnoreCase)
                && !string.Equals(Path.GetFileName(p), "RelGen.Tests.Library.dll", StringComparison.OrdinalIgnoreCase))
            .Concat(
            [
                typeof(RelGenDatabase).Assembly.Location,
                typeof(Npgsql.NpgsqlConnection).Assembly.Location,
                typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location,
            ]);
        // Same assembly twice (TPA and the explicit list) would be a duplicate reference.
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in paths)
            byName.TryAdd(Path.GetFileName(path), path);
        return [.. byName.Values.OrderBy(p => p, StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}
