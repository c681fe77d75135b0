namespace RelGen.Tests.Generator;

/// <summary>Valid relations of every shape compile with the generated code: no RG diagnostic, no error, no warning.</summary>
public class ValidRelationTests
{
    [Test]
    public void SelfReference()
    {
        RunAssert.Clean(GeneratorHarness.Run("""
            using RelGen;

            [Model]
            public partial class Employee
            {
                public string Name { get; set; } = "";
                [ForeignKey(OnDelete = OnDelete.SetNull)] public partial Employee? Manager { get; set; }
            }
            """));
    }

    [Test]
    public void TwoRelationsToOneModelWithDistinctReverseNames()
    {
        RunAssert.Clean(GeneratorHarness.Run(ContractModels.Reporter, """
            using RelGen;

            [Model]
            public partial class Article
            {
                [ForeignKey(RelatedName = "Written", RelatedQueryName = "WrittenArticle")]
                public partial Reporter Author { get; set; }
                [ForeignKey(OnDelete = OnDelete.SetNull, RelatedName = "Edited", RelatedQueryName = "EditedArticle")]
                public partial Reporter? Editor { get; set; }
            }
            """));
    }

    [Test]
    public void MutualRelations()
    {
        RunAssert.Clean(GeneratorHarness.Run(
            """
            using RelGen;

            [Model]
            public partial class Team
            {
                public string Name { get; set; } = "";
                [ForeignKey(OnDelete = OnDelete.SetNull)] public partial Player? Captain { get; set; }
            }
            """,
            """
            using RelGen;

            [Model]
            public partial class Player
            {
                public string Name { get; set; } = "";
                [ForeignKey(OnDelete = OnDelete.Protect)] public partial Team Club { get; set; }
            }
            """));
    }

    [Test]
    public void NullableRelationsWithEveryRule()
    {
        RunAssert.Clean(GeneratorHarness.Run(ContractModels.Reporter, """
            using System.ComponentModel;
            using RelGen;

            [Model]
            public partial class Note
            {
                [ForeignKey(OnDelete = OnDelete.Cascade, RelatedName = "A", RelatedQueryName = "A")] public partial Reporter? A { get; set; }
                [ForeignKey(OnDelete = OnDelete.Protect, RelatedName = "B", RelatedQueryName = "B")] public partial Reporter? B { get; set; }
                [ForeignKey(OnDelete = OnDelete.Restrict, RelatedName = "C", RelatedQueryName = "C")] public partial Reporter? C { get; set; }
                [ForeignKey(OnDelete = OnDelete.SetNull, RelatedName = "D", RelatedQueryName = "D")] public partial Reporter? D { get; set; }
                [ForeignKey(OnDelete = OnDelete.SetDefault, RelatedName = "E", RelatedQueryName = "E"), DefaultValue(1)] public partial Reporter? E { get; set; }
                [ForeignKey(OnDelete = OnDelete.DoNothing, RelatedName = "F", RelatedQueryName = "F")] public partial Reporter? F { get; set; }
            }
            """));
    }

    [Test]
    public void InternalModelsRelatedToPublicOnes()
    {
        RunAssert.Clean(GeneratorHarness.Run(ContractModels.Reporter, """
            using RelGen;

            [Model]
            internal partial class Draft
            {
                [ForeignKey] public partial Reporter Reporter { get; set; }
            }

            [Model]
            internal partial class Desk
            {
            }

            [Model]
            public partial class Chair
            {
                [ForeignKey] internal partial Desk Desk { get; set; }
            }
            """));
    }

    [Test]
    public void RelationAccessorsAsDeclared()
    {
        RunAssert.Clean(GeneratorHarness.Run(ContractModels.Reporter, """
            using RelGen;

            [Model]
            public partial class Memo
            {
                [ForeignKey(RelatedName = "Sent", RelatedQueryName = "Sent")] public partial Reporter Sender { get; init; }
                [ForeignKey(RelatedName = "Received", RelatedQueryName = "Received")] public partial Reporter Receiver { get; private set; }
                [ForeignKey(RelatedName = "Filed", RelatedQueryName = "Filed")] public partial Reporter Filer { get; }
                [ForeignKey(OnDelete = OnDelete.SetNull, RelatedName = "Copied", RelatedQueryName = "Copied")] private partial Reporter? Copy { get; set; }
            }
            """));
    }
}
