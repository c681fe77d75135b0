using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RelGen.Benchmarks.Generator;

/// <summary>
/// The generator's own cost, in process, over synthetic projects: a full run, and a run after an edit that
/// touches no model (which should re-run nothing). No database; no Hand baseline applies.
/// </summary>
[MemoryDiagnoser]
public class GeneratorRun
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Preview);
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warmDriver = null!;
    private CSharpCompilation _edited = null!;

    [Params(10, 500)]
    public int Models { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(RelGenDatabase).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Npgsql.NpgsqlConnection).Assembly.Location));
        var trees = new List<SyntaxTree>();
        for (var i = 0; i < Models; i++)
            trees.Add(CSharpSyntaxTree.ParseText(ModelSource(i), Parse, path: $"Model{i}.cs"));
        var unrelated = CSharpSyntaxTree.ParseText("namespace App; public static class Helper { public static int Value() => 1; }", Parse, path: "Helper.cs");
        trees.Add(unrelated);
        _compilation = CSharpCompilation.Create("Synthetic", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _warmDriver = NewDriver().RunGenerators(_compilation);
        _edited = _compilation.ReplaceSyntaxTree(unrelated,
            CSharpSyntaxTree.ParseText("namespace App; public static class Helper { public static int Value() => 2; }", Parse, path: "Helper.cs"));
    }

    private static GeneratorDriver NewDriver()
        => CSharpGeneratorDriver.Create([new global::RelGen.Generator.RelGenGenerator().AsSourceGenerator()], parseOptions: Parse);

    // Each model points at the one before it, so relations, reverse managers and lookups are all generated.
    private static string ModelSource(int i)
    {
        var source = new StringBuilder();
        source.AppendLine("using System.ComponentModel.DataAnnotations; using RelGen; namespace App;");
        source.AppendLine($"[Model, Ordering(\"Name\")] public partial class Model{i} {{");
        source.AppendLine("  public int Id { get; set; } [MaxLength(50)] public string Name { get; set; } = \"\"; public int Rank { get; set; } public System.DateOnly Day { get; set; } public decimal? Amount { get; set; }");
        if (i > 0)
            source.AppendLine($"  [ForeignKey] public partial Model{i - 1} Parent {{ get; set; }}");
        source.AppendLine("}");
        return source.ToString();
    }

    [Benchmark]
    public GeneratorDriver FullRun() => NewDriver().RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver EditOutsideModels() => _warmDriver.RunGenerators(_edited);
}
