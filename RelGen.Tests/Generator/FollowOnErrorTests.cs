namespace RelGen.Tests.Generator;

/// <summary>
/// A model with errors does not make anything else fail: models pointing at it still compile (their relation
/// to it is plain), and its own partial properties are still implemented.
/// </summary>
public class FollowOnErrorTests
{
    private const string ArticleUsage = """
        using RelGen;

        public static class UserCode
        {
            public static object Query(RelGenDatabase db, Article article)
                => Article.Objects(db).Filter(a => a.Headline == "x" & a.ReporterId.IsNull(false)).OrderBy(a => a.ReporterId);

            public static Reporter Author(Article article) => article.Reporter;
        }
        """;

    [TestCase("public Uri Site { get; set; } = null!;", "RG0004")]
    [TestCase("public short Id { get; set; }", "RG0009")]
    [TestCase("public int? Id { get; set; }", "RG0009")]
    [TestCase("[PrimaryKey] public byte[] Key { get; set; } = [];", "RG0009")]
    [TestCase("[PrimaryKey] public Uri Key { get; set; } = null!;", "RG0004")]
    [TestCase("public enum Kind : byte { A } [PrimaryKey] public Kind Key { get; set; }", "RG0009")]
    [TestCase("public static int Objects => 0;", "RG0006")]
    public void RelationToModelWithErrors(string reporterMember, string id)
    {
        var run = GeneratorHarness.Run(ContractModels.Article, ArticleUsage, $$"""
            using RelGen;

            [Model]
            public partial class Reporter
            {
                {{reporterMember}}
            }
            """);

        RunAssert.OnlyGeneratorErrors(run, id);
    }

    [Test]
    public void NullableRelationToModelWithErrors()
    {
        var run = GeneratorHarness.Run("""
            using RelGen;

            [Model]
            public partial class Owner
            {
                public Uri Site { get; set; } = null!;
            }

            [Model]
            public partial class Pet
            {
                [ForeignKey(OnDelete = OnDelete.SetNull)] public partial Owner? Owner { get; set; }
                [ForeignKey(OnDelete = OnDelete.SetNull, RelatedName = "Walked", RelatedQueryName = "Walked")] public partial Owner? Walker { get; init; }
            }
            """);

        RunAssert.OnlyGeneratorErrors(run, "RG0004");
    }

    [Test]
    public void RelationToModelWithErrorsInAChain()
    {
        var run = GeneratorHarness.Run("""
            using RelGen;

            [Model]
            public partial class Continent
            {
                [ForeignKey] public partial Uri Map { get; set; }
            }

            [Model]
            public partial class Country
            {
                [ForeignKey] public partial Continent Continent { get; set; }
            }

            [Model]
            public partial class City
            {
                [ForeignKey] public partial Country Country { get; set; }
            }
            """);

        RunAssert.OnlyGeneratorErrors(run, "RG0003");
    }

    [Test]
    public void RelationToNonPartialModel()
    {
        var run = GeneratorHarness.Run(ContractModels.Article, """
            using RelGen;

            [Model]
            public class Reporter
            {
                public int Id { get; set; }
            }
            """);

        // The target's own error is the only one: Article stays a valid model with a plain Reporter property.
        RunAssert.OnlyGeneratorErrors(run, "RG0001");
    }

    [Test]
    public void RelationToNestedModel()
    {
        var run = GeneratorHarness.Run("""
            using RelGen;

            public static partial class Outer
            {
                [Model]
                public partial class Inner
                {
                }
            }

            [Model]
            public partial class User
            {
                [ForeignKey] public partial Outer.Inner Inner { get; set; }
            }
            """);

        RunAssert.OnlyGeneratorErrors(run, "RG0011");
    }

    [Test]
    public void ModelWithErrorsStillImplementsItsRelationsAsDeclared()
    {
        var run = GeneratorHarness.Run(ContractModels.Reporter, """
            using RelGen;

            [Model]
            public partial class Memo
            {
                public Uri Link { get; set; } = null!;
                [ForeignKey(RelatedName = "A", RelatedQueryName = "A")] public partial Reporter Sender { get; init; }
                [ForeignKey(RelatedName = "B", RelatedQueryName = "B")] public partial Reporter Receiver { private get; set; }
                [ForeignKey(RelatedName = "C", RelatedQueryName = "C")] internal partial Reporter Filer { get; }
                [ForeignKey(OnDelete = OnDelete.SetNull, RelatedName = "D", RelatedQueryName = "D")] public partial Reporter? Copy { get; set; }
            }
            """);

        RunAssert.OnlyGeneratorErrors(run, "RG0004");
    }

    [Test]
    public void SeveralErrorsInOneModel()
    {
        var run = GeneratorHarness.Run(ContractModels.Reporter, """
            using RelGen;

            [Model, Ordering("Nope")]
            public partial class Article
            {
                public short Id { get; set; }
                public Uri Link { get; set; } = null!;
                [ForeignKey(OnDelete = OnDelete.SetNull)] public partial Reporter Reporter { get; set; }
                [ForeignKey(OnDelete = OnDelete.SetDefault, RelatedName = "B", RelatedQueryName = "B")] public partial Reporter Backup { get; set; }
            }
            """);

        RunAssert.OnlyGeneratorErrors(run, "RG0004", "RG0007", "RG0008", "RG0009", "RG0010");
    }
}
