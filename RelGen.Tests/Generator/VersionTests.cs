namespace RelGen.Tests.Generator;

/// <summary>[ConcurrencyCheck] makes one int or long property the model's version; anything else is an RG error on the property.</summary>
public class VersionTests
{
    [Test]
    public void AnIntVersionIsDeclaredAsTheVersionAndLeftOutOfTheTypedCreate()
    {
        var run = GeneratorHarness.Run(ContractModels.Reporter, """
            using System.ComponentModel.DataAnnotations;
            using RelGen;

            [Model]
            public partial class Draft
            {
                public string Title { get; set; } = "";
                [ConcurrencyCheck] public int Version { get; set; }
                [ForeignKey] public partial Reporter Author { get; set; }
            }
            """);

        RunAssert.Clean(run);
        var source = run.GeneratedSources["Draft.g.cs"];
        Assert.That(source, Does.Contain("Version = b.Version<int>(\"Version\", \"version\", \"integer\", static e => e.Version, static (e, v) => e.Version = v);"));
        Assert.That(source, Does.Contain("__v.Visit(Version, __e.Version, ref __e.__rgoVersion);"), "change tracking remembers the loaded version");
        Assert.That(source, Does.Contain("CreateAsync(string? title = null, global::System.Threading.CancellationToken cancellationToken = default)"));
    }

    [Test]
    public void ALongVersionIsClean()
    {
        var run = GeneratorHarness.Run("""
            using System.ComponentModel.DataAnnotations;

            [RelGen.Model]
            public partial class Ledger
            {
                [ConcurrencyCheck] public long Revision { get; set; }
            }
            """);

        RunAssert.Clean(run);
        Assert.That(run.GeneratedSources["Ledger.g.cs"], Does.Contain("b.Version<long>(\"Revision\""));
    }

    [TestCase("string", "'string'")]
    [TestCase("int?", "'int?'")]
    [TestCase("short", "'short'")]
    [TestCase("System.DateTime", "'System.DateTime'")]
    public void RG0030_AVersionOfAnotherType(string type, string named)
    {
        var run = GeneratorHarness.Run($$"""
            using System.ComponentModel.DataAnnotations;

            [RelGen.Model]
            public partial class Draft
            {
                [ConcurrencyCheck] public {{type}} Stamp { get; set; } = default!;
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0030", "Stamp", "'Draft.Stamp'", named, "int or long");
    }

    [Test]
    public void RG0030_TheKeyAsVersion()
    {
        var run = GeneratorHarness.Run("""
            using System.ComponentModel.DataAnnotations;

            [RelGen.Model]
            public partial class Draft
            {
                [ConcurrencyCheck] public int Id { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0030", "Id", "'Draft.Id'", "primary key");
    }

    [Test]
    public void RG0030_ARelationAsVersion()
    {
        var run = GeneratorHarness.Run(ContractModels.Reporter, """
            using System.ComponentModel.DataAnnotations;
            using RelGen;

            [Model]
            public partial class Draft
            {
                [ConcurrencyCheck, ForeignKey] public partial Reporter Author { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0030", "Author", "'Draft.Author'", "relation");
    }

    [Test]
    public void RG0031_TwoVersions()
    {
        var run = GeneratorHarness.Run("""
            using System.ComponentModel.DataAnnotations;

            [RelGen.Model]
            public partial class Draft
            {
                [ConcurrencyCheck] public int Version { get; set; }
                [ConcurrencyCheck] public long Revision { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0031", "Revision", "'Draft'", "'Version'", "'Revision'");
    }
}
