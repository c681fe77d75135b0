using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RelGen.Tests.Generator;

/// <summary>One generator run: its diagnostics, its sources, and the compilation with them added.</summary>
internal sealed class GeneratorRun
{
    public GeneratorRun(GeneratorDriver driver, Compilation input, Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics)
    {
        Driver = driver;
        Input = input;
        Output = output;
        GeneratorDiagnostics = generatorDiagnostics;
        Result = driver.GetRunResult().Results.Single();
        CompilerDiagnostics = [.. output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)];
        GeneratedSources = Result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
    }

    /// <summary>The driver after this run; run it again on an edited compilation to test caching.</summary>
    public GeneratorDriver Driver { get; }

    public Compilation Input { get; }

    /// <summary>The input plus the generated sources.</summary>
    public Compilation Output { get; }

    /// <summary>What the generator reported (the RG diagnostics).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    /// <summary>Errors and warnings of <see cref="Output"/>; hidden and info diagnostics are left out.</summary>
    public ImmutableArray<Diagnostic> CompilerDiagnostics { get; }

    public IReadOnlyDictionary<string, string> GeneratedSources { get; }

    /// <summary>The generator's run result, with its tracked steps.</summary>
    public GeneratorRunResult Result { get; }

    public IEnumerable<Diagnostic> CompilerErrors => CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The source text a diagnostic points at, found by file path so that it also works for external-file locations.</summary>
    public string LocatedText(Diagnostic diagnostic)
    {
        var path = diagnostic.Location.GetLineSpan().Path;
        var tree = diagnostic.Location.SourceTree
            ?? Output.SyntaxTrees.FirstOrDefault(t => t.FilePath == path)
            ?? throw new InvalidOperationException($"{diagnostic.Id} has no location in a source file: {diagnostic}");
        return tree.GetText().ToString(diagnostic.Location.SourceSpan);
    }

    /// <summary>Every diagnostic, one per line, for failure messages.</summary>
    public string Describe()
        => string.Join(Environment.NewLine, GeneratorDiagnostics.Concat(CompilerDiagnostics).Select(d => d.ToString()))
            is { Length: > 0 } text ? text : "(no diagnostics)";
}
