extern alias generator;

using Microsoft.CodeAnalysis;
using generator::RelGen.Generator.Model;

namespace RelGen.Tests.Generator;

/// <summary>
/// The pipeline's tracked steps re-use their outputs when an edit cannot change the models, and re-run
/// when it does: specs must be position-independent and compare by value.
/// </summary>
public class IncrementalTests
{
    private static readonly string[] TrackedSteps =
        [TrackingNames.Parse, TrackingNames.Diagnostics, TrackingNames.Graph, TrackingNames.Clashes, TrackingNames.ModelFiles, TrackingNames.Registration,
         TrackingNames.ReferencedModels, TrackingNames.Schema, TrackingNames.Migrations, TrackingNames.PendingChanges];

    // A method before the properties: editing its body moves every property after it.
    private const string Reporter = """
        using System.ComponentModel.DataAnnotations;
        using RelGen;

        [Model]
        public partial class Reporter
        {
            public string Describe() => FirstName;
            public int Id { get; set; }
            [MaxLength(30)] public string FirstName { get; set; } = "";
            [MaxLength(30)] public string LastName { get; set; } = "";
        }
        """;

    private const string Helper = """
        public static class Helper
        {
            public static int Value() => 1;
        }
        """;

    private const int ReporterIndex = 0;
    private const int ArticleIndex = 1;
    private const int HelperIndex = 2;

    [Test]
    public void MethodBodyEditInModelReusesEveryStep()
    {
        var edited = Reporter.Replace(
            "public string Describe() => FirstName;",
            """
            public string Describe()
                {
                    var name = $"{FirstName} {LastName}";
                    return name.Trim();
                }
            """);

        AssertAllCachedOrUnchanged(RunTwice(c => Replace(c, ReporterIndex, edited)));
    }

    [Test]
    public void UnrelatedFileAddedReusesEveryStep()
    {
        AssertAllCachedOrUnchanged(RunTwice(c => c.AddSyntaxTrees(GeneratorHarness.Parse("public sealed class Unrelated { }", "Unrelated.cs"))));
    }

    [Test]
    public void UnrelatedClassEditedReusesEveryStep()
    {
        var edited = Helper.Replace("public static int Value() => 1;", "public static int Value() => 2;\n    public static string Name => \"helper\";");

        AssertAllCachedOrUnchanged(RunTwice(c => Replace(c, HelperIndex, edited)));
    }

    [TestCase("[MaxLength(30)] public string LastName", "[MaxLength(40)] public string LastName")]
    [TestCase("public int Id { get; set; }", "public int Id { get; set; }\n    public bool Active { get; set; }")]
    public void ModelPropertyEditRerunsParseAndGraph(string before, string after)
    {
        var result = RunTwice(c => Replace(c, ReporterIndex, Reporter.Replace(before, after)));

        var parse = result.TrackedSteps[TrackingNames.Parse].SelectMany(s => s.Outputs).ToList();
        var graph = result.TrackedSteps[TrackingNames.Graph].SelectMany(s => s.Outputs).Select(o => o.Reason);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(parse.Where(o => ClassOf(o.Value) == "Reporter").Select(o => o.Reason), Is.EqualTo(new[] { IncrementalStepRunReason.Modified }), () => Describe(result));
            Assert.That(parse.Where(o => ClassOf(o.Value) == "Article").Select(o => o.Reason), Is.All.AnyOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged), () => Describe(result));
            Assert.That(graph, Is.EqualTo(new[] { IncrementalStepRunReason.Modified }), () => Describe(result));
        }
    }

    [TestCase("[MaxLength(30)] public string LastName", "[MaxLength(40)] public string LastName")]
    [TestCase("public int Id { get; set; }", "public int Id { get; set; }\n    public bool Active { get; set; }")]
    public void ModelPropertyEditReemitsOnlyThatModelsFile(string before, string after)
    {
        var result = RunTwice(c => Replace(c, ReporterIndex, Reporter.Replace(before, after)));

        var files = result.TrackedSteps[TrackingNames.ModelFiles].SelectMany(s => s.Outputs).ToList();
        using (Assert.EnterMultipleScope())
        {
            // Article points at Reporter, but its file holds nothing of Reporter's columns: it is not emitted again.
            Assert.That(files.Where(o => FileOf(o.Value) == "Reporter").Select(o => o.Reason), Is.EqualTo(new[] { IncrementalStepRunReason.Modified }), () => Describe(result));
            Assert.That(files.Where(o => FileOf(o.Value) == "Article").Select(o => o.Reason), Is.All.AnyOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged), () => Describe(result));
            Assert.That(result.TrackedSteps[TrackingNames.Registration].SelectMany(s => s.Outputs).Select(o => o.Reason),
                Is.All.AnyOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged), () => Describe(result));
            // The schema is one snapshot of every model, in a file of its own: it changes, the model files stay.
            Assert.That(result.TrackedSteps[TrackingNames.Schema].SelectMany(s => s.Outputs).Select(o => o.Reason),
                Is.EqualTo(new[] { IncrementalStepRunReason.Modified }), () => Describe(result));
        }
    }

    [Test]
    public void RelationSourceEditReemitsOnlyTheSourcesFile()
    {
        // The reverse manager lives in the source's file, so the target's file does not depend on the source's columns.
        var result = RunTwice(c => Replace(c, ArticleIndex, ContractModels.Article.Replace("[MaxLength(100)]", "[MaxLength(120)]")));

        var files = result.TrackedSteps[TrackingNames.ModelFiles].SelectMany(s => s.Outputs).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(files.Where(o => FileOf(o.Value) == "Article").Select(o => o.Reason), Is.EqualTo(new[] { IncrementalStepRunReason.Modified }), () => Describe(result));
            Assert.That(files.Where(o => FileOf(o.Value) == "Reporter").Select(o => o.Reason), Is.All.AnyOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged), () => Describe(result));
        }
    }

    /// <summary>Runs the driver on the models, then again on the compilation <paramref name="edit"/> makes; returns the second run.</summary>
    private static GeneratorRunResult RunTwice(Func<Compilation, Compilation> edit)
    {
        var compilation = GeneratorHarness.CreateCompilation(Reporter, ContractModels.Article, Helper);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var result = driver.RunGenerators(edit(compilation)).GetRunResult().Results.Single();
        Assert.That(result.TrackedSteps.Keys, Is.SupersetOf(TrackedSteps), "every tracked step should have run");
        return result;
    }

    private static Compilation Replace(Compilation compilation, int index, string source)
    {
        var path = GeneratorHarness.SourcePath(index);
        return compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(t => t.FilePath == path), GeneratorHarness.Parse(source, path));
    }

    private static void AssertAllCachedOrUnchanged(GeneratorRunResult result)
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var step in TrackedSteps)
            {
                var reasons = result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
                Assert.That(reasons, Is.Not.Empty, $"{step} has no outputs");
                Assert.That(reasons, Is.All.AnyOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged), () => $"{step}: {Describe(result)}");
            }
        }
    }

    private static string? ClassOf(object value) => value is ParseResult { Model: { } model } ? model.ClassName : FileOf(value);

    private static string? FileOf(object value) => value is ModelEmitSpec spec ? spec.Model.ClassName : null;

    private static string Describe(GeneratorRunResult result)
        => string.Join("; ", TrackedSteps.Select(step =>
            step + " = [" + string.Join(", ", result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => (ClassOf(o.Value) ?? "") + ":" + o.Reason)) + "]"));
}
