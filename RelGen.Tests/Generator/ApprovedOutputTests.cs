namespace RelGen.Tests.Generator;

/// <summary>The generated files for the contract's Reporter and Article, compared verbatim with approved copies.</summary>
public class ApprovedOutputTests
{
    private static readonly Lazy<GeneratorRun> Contract = new(() => GeneratorHarness.Run(ContractModels.Reporter, ContractModels.Article));

    [TestCase("Article")]
    [TestCase("Reporter")]
    [TestCase("RelGen.ModelRegistration")]
    [TestCase("RelGen.SchemaSnapshot")]
    public void GeneratedFileMatchesApprovedCopy(string name)
    {
        var run = Contract.Value;
        RunAssert.Clean(run);
        Assert.That(run.GeneratedSources, Does.ContainKey(name + ".g.cs"));

        Approvals.Verify(name, run.GeneratedSources[name + ".g.cs"]);
    }

    /// <summary>Reference and distributed models: the registered DDL carries each table's Citus call and its place.</summary>
    [Test]
    public void CitusSchemaFileMatchesApprovedCopy()
    {
        var run = GeneratorHarness.Run(Schema.CitusDiagnosticTests.Valid);
        RunAssert.Clean(run);

        Approvals.Verify("Citus.RelGen.SchemaSnapshot", run.GeneratedSources["RelGen.SchemaSnapshot.g.cs"]);
    }

    [Test]
    public void NothingElseIsGenerated()
    {
        Assert.That(Contract.Value.GeneratedSources.Keys, Is.EquivalentTo(new[] { "Article.g.cs", "Reporter.g.cs", "RelGen.ModelRegistration.g.cs", "RelGen.SchemaSnapshot.g.cs" }));
    }
}
