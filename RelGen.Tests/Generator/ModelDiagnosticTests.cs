namespace RelGen.Tests.Generator;

/// <summary>Mistakes in a model class itself: each is one RG error on the class or member, and nothing else fails to compile.</summary>
public class ModelDiagnosticTests
{
    [Test]
    public void RG0001_ModelNotPartial()
    {
        var run = GeneratorHarness.Run("""
            using RelGen;

            [Model]
            public class Tag
            {
                public string Name { get; set; } = "";
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0001", "Tag", "'Tag'");
    }

    [Test]
    public void RG0004_UnmappableType()
    {
        var run = GeneratorHarness.Run("""
            using RelGen;

            [Model]
            public partial class Site
            {
                public Uri Address { get; set; } = null!;
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0004", "Address", "'Site.Address'", "'System.Uri'");
    }

    [Test]
    public void RG0004_ModelTypedPropertyWithoutForeignKey()
    {
        var run = GeneratorHarness.Run(ContractModels.Reporter, """
            using RelGen;

            [Model]
            public partial class Review
            {
                public Reporter Critic { get; set; } = null!;
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0004", "Critic", "'Review.Critic'", "mark the property [ForeignKey] and partial");
    }

    [Test]
    public void RG0004_DataAnnotationsForeignKeyInsteadOfRelGens()
    {
        var run = GeneratorHarness.Run(ContractModels.Reporter, """
            using System.ComponentModel.DataAnnotations.Schema;

            [RelGen.Model]
            public partial class Review
            {
                [ForeignKey("CriticId")] public Reporter Critic { get; set; } = null!;
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0004", "Critic", "'Review.Critic'", "System.ComponentModel.DataAnnotations.Schema's");
    }

    [Test]
    public void RG0006_DeclaredMemberNamedLikeGeneratedOne()
    {
        var run = GeneratorHarness.Run("""
            using RelGen;

            [Model]
            public partial class Tag
            {
                public int Id { get; set; }
                public static string Objects() => "";
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0006", "Objects", "'Objects'", "'Tag'");
    }

    [Test]
    public void RG0006_DeclaredMemberNamedLikeRelationKey()
    {
        var run = GeneratorHarness.Run(ContractModels.Reporter, """
            using RelGen;

            [Model]
            public partial class Article
            {
                [ForeignKey] public partial Reporter Reporter { get; set; }
                public int ReporterId { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0006", "ReporterId", "'ReporterId'", "'Article'", "relation 'Reporter'");
    }

    [Test]
    public void RG0006_NotMappedIdBlocksGeneratedKey()
    {
        var run = GeneratorHarness.Run("""
            using System.ComponentModel.DataAnnotations.Schema;
            using RelGen;

            [Model]
            public partial class Tag
            {
                [NotMapped] public int Id { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0006", "Id", "'Id'", "'Tag'");
    }

    [TestCase("public short Id { get; set; }", "Id", "short")]
    [TestCase("public int? Id { get; set; }", "Id", "int?")]
    [TestCase("[PrimaryKey] public decimal Code { get; set; }", "Code", "decimal")]
    [TestCase("[PrimaryKey] public DateTime Code { get; set; }", "Code", "System.DateTime")]
    public void RG0009_UnsupportedKey(string key, string name, string type)
    {
        var run = GeneratorHarness.Run($$"""
            using RelGen;

            [Model]
            public partial class Ticket
            {
                {{key}}
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0009", name, $"'Ticket.{name}'", $"'{type}'");
    }

    [Test]
    public void RG0010_OrderingNamesUnknownProperty()
    {
        var run = GeneratorHarness.Run("""
            using RelGen;

            [Model, Ordering("Name", "-Nope")]
            public partial class Tag
            {
                public string Name { get; set; } = "";
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0010", """Ordering("Name", "-Nope")""", "'Tag'", "'-Nope'");
    }

    [Test]
    public void RG0011_NestedModel()
    {
        var run = GeneratorHarness.Run("""
            using RelGen;

            public partial class Outer
            {
                [Model]
                public partial class Inner
                {
                }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0011", "Inner", "'Inner'");
    }

    [Test]
    public void RG0011_GenericModel()
    {
        var run = GeneratorHarness.Run("""
            using RelGen;

            [Model]
            public partial class Box<T>
            {
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0011", "Box", "'Box'");
    }

    [Test]
    public void RG0012_TwoPrimaryKeys()
    {
        var run = GeneratorHarness.Run("""
            using RelGen;

            [Model]
            public partial class Pair
            {
                [PrimaryKey] public Guid Left { get; set; }
                [PrimaryKey] public Guid Right { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0012", "Right", "'Pair'", "'Left'", "'Right'");
    }
}
