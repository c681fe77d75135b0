using Microsoft.CodeAnalysis;

namespace RelGen.Tests.Generator;

/// <summary>Assertions on a generator run's diagnostics.</summary>
internal static class RunAssert
{
    /// <summary>No RG diagnostic, and the output compilation has no error and no warning.</summary>
    public static void Clean(GeneratorRun run)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.GeneratorDiagnostics, Is.Empty, run.Describe);
            Assert.That(run.CompilerDiagnostics, Is.Empty, run.Describe);
        }
    }

    /// <summary>
    /// Exactly one RG diagnostic, an error with <paramref name="id"/>, located on <paramref name="locatedText"/> in
    /// the user's source, whose message contains every one of <paramref name="named"/>; and no compiler error
    /// follows from it.
    /// </summary>
    public static Diagnostic SingleGeneratorError(GeneratorRun run, string id, string locatedText, params string[] named)
    {
        Assert.That(run.GeneratorDiagnostics.Select(d => d.Id), Is.EqualTo(new[] { id }), run.Describe);
        var diagnostic = run.GeneratorDiagnostics[0];
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
            Assert.That(IsUserSource(run, diagnostic), Is.True, () => $"{id} is not located in a user source file: {diagnostic}");
            Assert.That(run.LocatedText(diagnostic), Is.EqualTo(locatedText), () => $"{id} is located on the wrong text: {diagnostic}");
            foreach (var name in named)
                Assert.That(message, Does.Contain(name), "the message should name it");
            AssertNoFollowOn(run);
        }
        return diagnostic;
    }

    /// <summary>The RG errors are exactly <paramref name="ids"/> (in any order), and no compiler error follows from them.</summary>
    public static void OnlyGeneratorErrors(GeneratorRun run, params string[] ids)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.GeneratorDiagnostics.Select(d => d.Id), Is.EquivalentTo(ids), run.Describe);
            Assert.That(run.GeneratorDiagnostics.Select(d => d.Severity), Is.All.EqualTo(DiagnosticSeverity.Error));
            AssertNoFollowOn(run);
        }
    }

    /// <summary>
    /// No compiler error, and no warning in generated code (a user's warnings-as-errors would turn it into one);
    /// the user's own code may still warn.
    /// </summary>
    private static void AssertNoFollowOn(GeneratorRun run)
    {
        Assert.That(run.CompilerErrors, Is.Empty, () => "follow-on compiler errors:" + Environment.NewLine + run.Describe());
        Assert.That(run.CompilerDiagnostics.Where(d => !IsUserSource(run, d)), Is.Empty, () => "warnings in generated code:" + Environment.NewLine + run.Describe());
    }

    /// <summary>Exactly one compiler error, with <paramref name="id"/>, located on <paramref name="locatedText"/> in the user's source.</summary>
    public static void SingleCompilerError(GeneratorRun run, string id, string locatedText)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.GeneratorDiagnostics, Is.Empty, run.Describe);
            Assert.That(run.CompilerErrors.Select(d => d.Id), Is.EqualTo(new[] { id }), run.Describe);
        }
        var error = run.CompilerErrors.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(IsUserSource(run, error), Is.True, () => $"{id} is not located in a user source file: {error}");
            Assert.That(run.LocatedText(error), Is.EqualTo(locatedText), () => $"{id} is located on the wrong text: {error}");
        }
    }

    private static bool IsUserSource(GeneratorRun run, Diagnostic diagnostic)
    {
        var path = diagnostic.Location.GetLineSpan().Path;
        return run.Input.SyntaxTrees.Any(t => t.FilePath == path);
    }
}
