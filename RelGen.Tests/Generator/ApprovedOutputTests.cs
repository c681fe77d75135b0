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

    [Test]
    public void NothingElseIsGenerated()
    {
        Assert.That(Contract.Value.GeneratedSources.Keys, Is.EquivalentTo(new[] { "Article.g.cs", "Reporter.g.cs", "RelGen.ModelRegistration.g.cs", "RelGen.SchemaSnapshot.g.cs" }));
    }
}
