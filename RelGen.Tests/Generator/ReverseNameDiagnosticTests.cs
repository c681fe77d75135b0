namespace RelGen.Tests.Generator;

/// <summary>
/// Names a relation gives its target (reverse manager and lookup) that clash, found across models by the
/// graph: one RG error on the relation that would add the second name, and nothing else fails to compile.
/// </summary>
public class ReverseNameDiagnosticTests
{
    [Test]
    public void RG0005_TwoRelationsGiveTheSameManager()
    {
        var run = GeneratorHarness.Run(ContractModels.Reporter, """
            using RelGen;

            [Model]
            public partial class Article
            {
                [ForeignKey] public partial Reporter Author { get; set; }
                [ForeignKey] public partial Reporter Editor { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0005", "Editor", "'Article.Editor'", "'Reporter'", "'ArticleSet'", "'Article.Author'", "'RelatedName'");
    }

    [Test]
    public void RG0005_TwoRelationsGiveTheSameLookup()
    {
        var run = GeneratorHarness.Run(ContractModels.Reporter, """
            using RelGen;

            [Model]
            public partial class Article
            {
                [ForeignKey(RelatedName = "Written")] public partial Reporter Author { get; set; }
                [ForeignKey(RelatedName = "Edited")] public partial Reporter Editor { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0005", "Editor", "'Article.Editor'", "'Reporter'", "'Article'", "'Article.Author'", "'RelatedQueryName'");
    }

    [Test]
    public void RG0005_RelationsOfTwoModelsGiveTheSameManager()
    {
        var run = GeneratorHarness.Run(
            ContractModels.Reporter,
            """
            using RelGen;

            [Model]
            public partial class Article
            {
                [ForeignKey(RelatedName = "Work")] public partial Reporter Author { get; set; }
            }
            """,
            """
            using RelGen;

            [Model]
            public partial class Photo
            {
                [ForeignKey(RelatedName = "Work")] public partial Reporter Photographer { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0005", "Photographer", "'Photo.Photographer'", "'Reporter'", "'Work'", "'Article.Author'");
    }

    [Test]
    public void RG0006_ManagerNameDeclaredOnTarget()
    {
        var run = GeneratorHarness.Run(
            """
            using RelGen;

            [Model]
            public partial class Reporter
            {
                public int ArticleSet() => 0;
            }
            """,
            """
            using RelGen;

            [Model]
            public partial class Article
            {
                [ForeignKey] public partial Reporter Writer { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0006", "Writer", "'ArticleSet'", "'Reporter'", "'Article.Writer'");
    }

    [Test]
    public void RG0006_ManagerTypeNameDeclaredOnTarget()
    {
        var run = GeneratorHarness.Run(
            """
            using RelGen;

            [Model]
            public partial class Reporter
            {
                public sealed class ArticleSetManager
                {
                }
            }
            """,
            """
            using RelGen;

            [Model]
            public partial class Article
            {
                [ForeignKey] public partial Reporter Writer { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0006", "Writer", "'ArticleSet'", "'Reporter'", "'Article.Writer'");
    }

    [Test]
    public void RG0006_LookupNameIsATargetColumn()
    {
        var run = GeneratorHarness.Run(
            """
            using RelGen;

            [Model]
            public partial class Reporter
            {
                public string Article { get; set; } = "";
            }
            """,
            """
            using RelGen;

            [Model]
            public partial class Article
            {
                [ForeignKey] public partial Reporter Writer { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0006", "Writer", "'Article'", "'Reporter.Lookup'", "'Article.Writer'", "RelatedQueryName");
    }

    [Test]
    public void RG0006_ReverseLookupOfMutualRelationHidesForwardOne()
    {
        // Django's fields.E303: Team.Captain's reverse lookup on Player is "Team", Player's own relation.
        var run = GeneratorHarness.Run("""
            using RelGen;

            [Model]
            public partial class Team
            {
                [ForeignKey(OnDelete = OnDelete.SetNull)] public partial Player? Captain { get; set; }
            }

            [Model]
            public partial class Player
            {
                [ForeignKey] public partial Team Team { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0006", "Captain", "'Team'", "'Player.Lookup'", "'Team.Captain'");
    }
}
