namespace RelGen.Tests.Generator;

/// <summary>Valid models compile with the generated code and nothing else to say: no RG diagnostic, no error, no warning.</summary>
public class ValidModelTests
{
    [Test]
    public void ContractReporterAndArticle()
    {
        var run = GeneratorHarness.Run(ContractModels.Reporter, ContractModels.Article);

        RunAssert.Clean(run);
        Assert.That(run.GeneratedSources.Keys, Is.EquivalentTo(new[] { "Article.g.cs", "Reporter.g.cs", "RelGen.ModelRegistration.g.cs", "RelGen.SchemaSnapshot.g.cs" }));
    }

    [Test]
    public void ModelWithoutKeyGetsGeneratedId()
    {
        var run = GeneratorHarness.Run("""
            using RelGen;

            [Model]
            public partial class Tag
            {
                public string Name { get; set; } = "";
            }
            """);

        RunAssert.Clean(run);
        Assert.That(run.GeneratedSources["Tag.g.cs"], Does.Contain("public int Id { get; set; }"));
    }

    [Test]
    public void GuidAndLongKeys()
    {
        RunAssert.Clean(GeneratorHarness.Run(
            """
            using RelGen;

            [Model]
            public partial class Account
            {
                [PrimaryKey] public Guid Code { get; set; }
                public string Owner { get; set; } = "";
            }
            """,
            """
            using RelGen;

            [Model]
            public partial class Entry
            {
                public long Id { get; set; }
                [ForeignKey] public partial Account Account { get; set; }
            }

            [Model]
            public partial class Mark
            {
                [ForeignKey(OnDelete = OnDelete.SetNull)] public partial Entry? Entry { get; set; }
                [ForeignKey(OnDelete = OnDelete.SetNull)] public partial Account? Account { get; set; }
            }
            """));
    }

    [Test]
    public void StringKey()
    {
        RunAssert.Clean(GeneratorHarness.Run("""
            using System.ComponentModel.DataAnnotations;
            using RelGen;

            [Model]
            public partial class Country
            {
                [PrimaryKey, MaxLength(2)] public string Code { get; set; } = "";
            }

            [Model]
            public partial class City
            {
                [ForeignKey] public partial Country Country { get; set; }
            }
            """));
    }

    [Test]
    public void EveryMappedType()
    {
        RunAssert.Clean(GeneratorHarness.Run(MappedTypesModel.Source));
    }

    [Test]
    public void ModelsInDifferentNamespacesReferencingEachOther()
    {
        RunAssert.Clean(GeneratorHarness.Run(
            """
            using RelGen;

            namespace People;

            [Model]
            public partial class Person
            {
                public string Name { get; set; } = "";
                [ForeignKey(OnDelete = OnDelete.SetNull)] public partial Places.City? Home { get; set; }
            }
            """,
            """
            using RelGen;
            using People;

            namespace Places
            {
                [Model]
                public partial class City
                {
                    public string Name { get; set; } = "";
                    [ForeignKey(OnDelete = OnDelete.SetNull, RelatedName = "Mayorships", RelatedQueryName = "Mayorship")] public partial Person? Mayor { get; set; }
                }
            }
            """));
    }

    [Test]
    public void NestedBlockNamespacesAndFileScopedNamespace()
    {
        var run = GeneratorHarness.Run(
            """
            using RelGen;

            namespace Outer
            {
                namespace Inner
                {
                    [Model]
                    public partial class Shelf
                    {
                        public string Label { get; set; } = "";
                    }
                }
            }

            namespace Outer.Other
            {
                [Model]
                public partial class Box
                {
                    [ForeignKey] public partial Outer.Inner.Shelf Shelf { get; set; }
                }
            }
            """,
            """
            using RelGen;

            namespace Store.Items;

            [Model]
            public partial class Item
            {
                [ForeignKey] public partial Outer.Other.Box Box { get; set; }
            }
            """);

        RunAssert.Clean(run);
        Assert.That(run.GeneratedSources.Keys, Is.SupersetOf(new[] { "Outer.Inner.Shelf.g.cs", "Outer.Other.Box.g.cs", "Store.Items.Item.g.cs" }));
    }

    [Test]
    public void TableOrderingNotMappedAndSetDefault()
    {
        var run = GeneratorHarness.Run(ContractModels.Reporter, """
            using System.ComponentModel;
            using System.ComponentModel.DataAnnotations;
            using RelGen;

            [Model(Table = "news_item"), Ordering("-PubDate", "Headline")]
            public partial class NewsItem
            {
                [MaxLength(100)] public string Headline { get; set; } = "";
                public DateOnly PubDate { get; set; }
                [System.ComponentModel.DataAnnotations.Schema.NotMapped] public Uri? Link { get; set; }
                [ForeignKey(OnDelete = OnDelete.SetDefault), DefaultValue(1)] public partial Reporter Reporter { get; set; }
                [ForeignKey(OnDelete = OnDelete.SetNull, RelatedName = "Checked", RelatedQueryName = "Checked")] public partial Reporter? Checker { get; set; }
                public string Describe() => $"{Headline} ({PubDate})";
            }
            """);

        RunAssert.Clean(run);
        var generated = run.GeneratedSources["NewsItem.g.cs"];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(generated, Does.Contain("""new __RG.ModelBuilder<__M, int>("NewsItem", "news_item", this);"""));
            Assert.That(generated, Does.Contain("b.OrderBy(new __RG.OrderingTerm(PubDate, true), new __RG.OrderingTerm(Headline));"));
            Assert.That(generated, Does.Not.Contain("\"Link\""));
            Assert.That(generated, Does.Contain("""ReporterId = b.RelationKey<int>("ReporterId", "reporter_id", "integer", static e => ref e.__rgReporterId, defaultSql: "1");"""));
        }
    }
}
