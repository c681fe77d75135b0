namespace RelGen.Tests.Generator;

/// <summary>Mistakes in a [ForeignKey] property: one RG error on the property, and nothing else fails to compile.</summary>
public class RelationDiagnosticTests
{
    [Test]
    public void RG0002_ForeignKeyNotPartial()
    {
        var run = GeneratorHarness.Run(ContractModels.Reporter, """
            using RelGen;

            [Model]
            public partial class Article
            {
                [ForeignKey] public Reporter Reporter { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0002", "Reporter", "'Article.Reporter'");
    }

    [Test]
    public void RG0003_ForeignKeyToPlainClass()
    {
        var run = GeneratorHarness.Run("""
            using RelGen;

            public class Address
            {
            }

            [Model]
            public partial class Customer
            {
                [ForeignKey] public partial Address Billing { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0003", "Billing", "'Customer.Billing'", "'Address'");
    }

    [TestCase("int")]
    [TestCase("string?")]
    [TestCase("Guid?")]
    public void RG0003_ForeignKeyToNonClassType(string type)
    {
        var run = GeneratorHarness.Run($$"""
            using RelGen;

            [Model]
            public partial class Customer
            {
                [ForeignKey] public partial {{type}} Billing { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0003", "Billing", "'Customer.Billing'");
    }

    [Test]
    public void RG0007_SetNullOnRequiredRelation()
    {
        var run = GeneratorHarness.Run(ContractModels.Reporter, """
            using RelGen;

            [Model]
            public partial class Article
            {
                [ForeignKey(OnDelete = OnDelete.SetNull)] public partial Reporter Reporter { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0007", "Reporter", "'Article.Reporter'", "'Reporter?'");
    }

    [Test]
    public void RG0008_SetDefaultWithoutDefaultValue()
    {
        var run = GeneratorHarness.Run(ContractModels.Reporter, """
            using RelGen;

            [Model]
            public partial class Article
            {
                [ForeignKey(OnDelete = OnDelete.SetDefault)] public partial Reporter Reporter { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0008", "Reporter", "'Article.Reporter'");
    }
}
