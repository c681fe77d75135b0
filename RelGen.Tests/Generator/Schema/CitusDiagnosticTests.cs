using Microsoft.CodeAnalysis;
using RelGen.Schema.Snapshots;

namespace RelGen.Tests.Generator.Schema;

/// <summary>
/// <c>[ReferenceTable]</c> and <c>[DistributedBy]</c>: what Citus would refuse is a build error naming model and member
/// (RG0032–RG0039), and valid models carry their distribution into the schema snapshot and the registered DDL.
/// </summary>
public class CitusDiagnosticTests
{
    /// <summary>The models of docs/citus.md's example as far as RelGen supports them today: all distributed by their keys.</summary>
    internal const string Valid = """
        using System.ComponentModel.DataAnnotations;
        using RelGen;

        [Model, ReferenceTable]
        public partial class Category
        {
            public long Id { get; set; }
            [MaxLength(50)] public string Name { get; set; } = "";
        }

        [Model, DistributedBy(nameof(Id), ShardCount = 32)]
        public partial class Tenant
        {
            public long Id { get; set; }
            [ForeignKey] public partial Category Category { get; set; }
        }

        [Model, DistributedBy(nameof(Id), ColocateWith = typeof(Tenant))]
        public partial class Article
        {
            public long Id { get; set; }
            [ForeignKey(OnDelete = OnDelete.SetNull)] public partial Category? Category { get; set; }
        }

        [Model]
        public partial class Note
        {
            public int Id { get; set; }
            [ForeignKey] public partial Category Category { get; set; }
        }
        """;

    private static GeneratorRun Run(string source) => GeneratorHarness.Run("using RelGen;\n" + source);

    [Test]
    public void ValidModelsAreCleanAndTheSnapshotCarriesTheirDistribution()
    {
        var run = GeneratorHarness.Run(Valid);

        RunAssert.Clean(run);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(GeneratedSnapshot.Table(run, "category").Distribution, Is.EqualTo(DistributionSnapshot.Reference));
            Assert.That(GeneratedSnapshot.Table(run, "tenant").Distribution, Is.EqualTo(DistributionSnapshot.Distributed("id", null, 32)));
            Assert.That(GeneratedSnapshot.Table(run, "article").Distribution, Is.EqualTo(DistributionSnapshot.Distributed("id", "tenant")));
            Assert.That(GeneratedSnapshot.Table(run, "note").Distribution, Is.Null);
        }
        var schema = run.GeneratedSources["RelGen.SchemaSnapshot.g.cs"];
        Assert.That(schema, Does.Contain("""{ CitusSql = "SELECT create_reference_table('\"category\"')", CitusOrder = 0 }"""));
        Assert.That(schema, Does.Contain("""{ CitusSql = "SELECT create_distributed_table('\"tenant\"', 'id', colocate_with => 'none', shard_count => 32)", CitusOrder = 1 }"""));
        Assert.That(schema, Does.Contain("""{ CitusSql = "SELECT create_distributed_table('\"article\"', 'id', colocate_with => '\"tenant\"')", CitusOrder = 2 }"""));
        Assert.That(schema.Split('\n').Single(l => l.Contains("\"note\", ", StringComparison.Ordinal)), Does.Not.Contain("Citus"));
    }

    [Test]
    public void RG0032_BothAttributes()
    {
        var run = Run("""
            [Model, ReferenceTable, DistributedBy(nameof(Id))]
            public partial class Tenant { public long Id { get; set; } }
            """);

        RunAssert.SingleGeneratorError(run, "RG0032", "DistributedBy(nameof(Id))", "'Tenant'", "[ReferenceTable]", "[DistributedBy]");
    }

    [TestCase("\"Code\"", "'Code'", "not a property of 'Tenant'")]
    [TestCase("nameof(Secret)", "'Secret'", "not mapped to a column")]
    [TestCase("nameof(Label)", "'Label'", "not mapped to a column")]
    public void RG0033_NoSuchColumn(string argument, string named, string reason)
    {
        var run = Run($$"""
            [Model, DistributedBy({{argument}})]
            public partial class Tenant
            {
                public long Id { get; set; }
                [System.ComponentModel.DataAnnotations.Schema.NotMapped] public string Secret { get; set; } = "";
                public string Label => "x";
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0033", $"DistributedBy({argument})", "'Tenant'", named, reason);
    }

    [TestCase("nameof(Name)", "'Name'")]
    [TestCase("nameof(Region)", "'Region'")]
    [TestCase("\"RegionId\"", "'RegionId'")]
    public void RG0034_NotThePrimaryKey(string argument, string named)
    {
        var run = Run($$"""
            [Model, ReferenceTable]
            public partial class Region { public long Id { get; set; } }

            [Model, DistributedBy({{argument}})]
            public partial class Tenant
            {
                public long Id { get; set; }
                public string Name { get; set; } = "";
                [ForeignKey] public partial Region Region { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0034", $"DistributedBy({argument})", "'Tenant'", named, "primary key 'Id'", "[DistributedBy(nameof(Id))]");
    }

    [TestCase("ShardCount = 0", "0", "1 to 64000")]
    [TestCase("ShardCount = 64001", "64001", "1 to 64000")]
    [TestCase("ShardCount = -4", "-4", "1 to 64000")]
    [TestCase("ShardCount = 4, ColocateWith = typeof(Tenant)", "4", "has the group's shard count")]
    public void RG0035_ShardCount(string options, string value, string reason)
    {
        var run = Run($$"""
            [Model, DistributedBy(nameof(Id))]
            public partial class Tenant { public long Id { get; set; } }

            [Model, DistributedBy(nameof(Id), {{options}})]
            public partial class Invoice { public long Id { get; set; } }
            """);

        RunAssert.SingleGeneratorError(run, "RG0035", $"DistributedBy(nameof(Id), {options})", "'Invoice'", "ShardCount = " + value, reason);
    }

    [Test]
    public void RG0035_TheLimitsAreAccepted()
    {
        var run = Run("""
            [Model, DistributedBy(nameof(Id), ShardCount = 1)]
            public partial class Small { public long Id { get; set; } }

            [Model, DistributedBy(nameof(Id), ShardCount = 64000)]
            public partial class Large { public long Id { get; set; } }
            """);

        RunAssert.Clean(run);
    }

    [TestCase("public int Id { get; set; }")]
    [TestCase("")]
    public void RG0036_AnIntIdentityKeyWarns(string key)
    {
        var run = Run($$"""
            [Model, DistributedBy("Id")]
            public partial class Tenant { {{key}} public string Name { get; set; } = ""; }
            """);

        Assert.That(run.GeneratorDiagnostics.Select(d => d.Id), Is.EqualTo(new[] { "RG0036" }), run.Describe);
        var warning = run.GeneratorDiagnostics[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(warning.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
            Assert.That(run.LocatedText(warning), Is.EqualTo("DistributedBy(\"Id\")"));
            Assert.That(warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture), Does.Contain("'Tenant'").And.Contain("'Id'").And.Contain("long"));
            Assert.That(run.CompilerDiagnostics, Is.Empty, run.Describe);
            Assert.That(GeneratedSnapshot.Table(run, "tenant").Distribution, Is.EqualTo(DistributionSnapshot.Distributed("id")), "a warning: the model stays valid");
        }
    }

    [TestCase("[Model, DistributedBy(nameof(Id))]", "public System.Guid Id { get; set; }")]
    [TestCase("[Model, DistributedBy(nameof(Id))]", "public long Id { get; set; }")]
    [TestCase("[Model, DistributedBy(nameof(Code))]", "[PrimaryKey] public string Code { get; set; } = \"\";")]
    public void RG0036_OtherKeysDoNotWarn(string attributes, string key)
    {
        var run = Run($$"""
            {{attributes}}
            public partial class Tenant { {{key}} }
            """);

        RunAssert.Clean(run);
    }

    [TestCase("[ReferenceTable]", "reference table", "make 'Tenant' a [ReferenceTable] too")]
    [TestCase("", "plain", "make 'Tenant' a [ReferenceTable]")]
    public void RG0037_PointingAtADistributedModel(string sourceAttribute, string kind, string fix)
    {
        var run = Run($$"""
            [Model, DistributedBy(nameof(Id))]
            public partial class Tenant { public long Id { get; set; } }

            [Model{{(sourceAttribute.Length == 0 ? "" : ", " + sourceAttribute.Trim('[', ']'))}}]
            public partial class Country
            {
                public long Id { get; set; }
                [ForeignKey] public partial Tenant Owner { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0037", "Owner", "'Country.Owner'", kind + " model 'Country'", "distributed model 'Tenant'", fix);
    }

    [TestCase("[DistributedBy(nameof(Id))]", "distributed", "composite keys")]
    [TestCase("", "plain", "no foreign key from a distributed table to a local one")]
    public void RG0038_ADistributedModelPointingAtAnythingButAReferenceTable(string targetAttribute, string kind, string reason)
    {
        var run = Run($$"""
            [Model{{(targetAttribute.Length == 0 ? "" : ", " + targetAttribute.Trim('[', ']'))}}]
            public partial class Reporter { public long Id { get; set; } }

            [Model, DistributedBy(nameof(Id))]
            public partial class Article
            {
                public long Id { get; set; }
                [ForeignKey] public partial Reporter Reporter { get; set; }
            }
            """);

        // A distributed target is also pointed at by a distributed model: one error, on the relation.
        RunAssert.SingleGeneratorError(run, "RG0038", "Reporter", "'Article.Reporter'", "distributed model 'Article'", kind + " model 'Reporter'", reason, "make 'Reporter' a [ReferenceTable]");
    }

    [Test]
    public void RG0038_ADistributedModelPointingAtItself()
    {
        var run = Run("""
            [Model, DistributedBy(nameof(Id))]
            public partial class Comment
            {
                public long Id { get; set; }
                [ForeignKey] public partial Comment? Parent { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0038", "Parent", "'Comment.Parent'", "composite keys");
    }

    [TestCase("typeof(Plain)", "typeof(Plain)", "not distributed")]
    [TestCase("typeof(Shared)", "typeof(Shared)", "not distributed")]
    [TestCase("typeof(string)", "typeof(String)", "not a [Model] of this project")]
    [TestCase("typeof(Invoice)", "typeof(Invoice)", "the model itself")]
    [TestCase("typeof(Keyed)", "typeof(Keyed)", "'code' is uuid, not bigint like 'id'")]
    public void RG0039_ColocateWith(string colocate, string named, string reason)
    {
        var run = Run($$"""
            [Model]
            public partial class Plain { public long Id { get; set; } }

            [Model, ReferenceTable]
            public partial class Shared { public long Id { get; set; } }

            [Model, DistributedBy(nameof(Code))]
            public partial class Keyed { [PrimaryKey] public System.Guid Code { get; set; } }

            [Model, DistributedBy(nameof(Id), ColocateWith = {{colocate}})]
            public partial class Invoice { public long Id { get; set; } }
            """);

        RunAssert.SingleGeneratorError(run, "RG0039", "Invoice", "'Invoice'", named, reason);
    }

    [Test]
    public void RG0039_ACircularChain()
    {
        var run = Run("""
            [Model, DistributedBy(nameof(Id), ColocateWith = typeof(Payment))]
            public partial class Invoice { public long Id { get; set; } }

            [Model, DistributedBy(nameof(Id), ColocateWith = typeof(Invoice))]
            public partial class Payment { public long Id { get; set; } }
            """);

        RunAssert.OnlyGeneratorErrors(run, "RG0039", "RG0039");
        Assert.That(run.GeneratorDiagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)), Is.All.Contains("circular or broken"));
    }

    [TestCase("[Model, DistributedBy(nameof(Id))]", "    [Unique] public string Email { get; set; } = \"\";", "unique constraint 'tenant_email_key' on (email)")]
    [TestCase("[Model, DistributedBy(nameof(Id)), Index(nameof(Email), Unique = true)]", "    public string Email { get; set; } = \"\";", "unique index 'tenant_email_idx' on (email)")]
    public void RG0040_AUniqueConstraintWithoutTheDistributionColumn(string attributes, string members, string named)
    {
        var run = Run($$"""
            {{attributes}}
            public partial class Tenant
            {
                public long Id { get; set; }
            {{members}}
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0040", "DistributedBy(nameof(Id))", "'Tenant'", "distributed by 'id'", named, "[ReferenceTable]");
    }

    [TestCase("[Model, DistributedBy(nameof(Id)), Index(nameof(Email), nameof(Id), Unique = true)]")]
    [TestCase("[Model, ReferenceTable, Index(nameof(Email), Unique = true)]")]
    public void RG0040_AUniqueConstraintWithTheKeyOrOnAReferenceTableIsFine(string attributes)
    {
        var run = Run($$"""
            {{attributes}}
            public partial class Tenant
            {
                public long Id { get; set; }
                public string Email { get; set; } = "";
            }
            """);

        RunAssert.Clean(run);
    }
}
