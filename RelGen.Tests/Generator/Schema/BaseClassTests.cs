namespace RelGen.Tests.Generator.Schema;

/// <summary>
/// Properties declared on base classes that are not models are columns of each model deriving from them, in declaration
/// order from the topmost base down (issue 15 item 2, issue 11 item 15).
/// </summary>
public class BaseClassTests
{
    private const string Audited = """
        public abstract class Entity
        {
            public int Id { get; set; }
        }

        public abstract class Audited : Entity
        {
            public DateTime CreatedAt { get; set; }
            public string? CreatedBy { get; set; }
        }
        """;

    [Test]
    public void PropertiesOfAbstractBasesAtAnyDepthAreColumnsBaseFirst()
    {
        var run = GeneratorHarness.Run(Audited, """
            using RelGen;

            [Model]
            public partial class Invoice : Audited
            {
                public decimal Total { get; set; }
            }
            """);

        RunAssert.Clean(run);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(GeneratedSnapshot.ColumnNames(run, "invoice"), Is.EqualTo(new[] { "id", "created_at", "created_by", "total" }));
            Assert.That(GeneratedSnapshot.Table(run, "invoice").Columns[0].Identity, Is.True, "the base class's int Id is the identity key");
            Assert.That(run.GeneratedSources["Invoice.g.cs"], Does.Not.Contain("public int Id { get; set; }"), "no key is generated: the base has one");
            Assert.That(run.GeneratedSources["Invoice.g.cs"], Does.Contain("""CreatedAt = b.Column<global::System.DateTime>("CreatedAt", "created_at", """));
        }
    }

    [Test]
    public void APlainBaseAndAGenericBaseWork()
    {
        var run = GeneratorHarness.Run("""
            using System.ComponentModel.DataAnnotations;
            using RelGen;

            public class Named
            {
                [MaxLength(40)] public string Name { get; set; } = "";
            }

            public abstract class Keyed<TKey> : Named
            {
                [PrimaryKey] public TKey Code { get; set; } = default!;
                public TKey? Previous { get; set; }
            }

            [Model]
            public partial class Country : Keyed<string>
            {
                public int Population { get; set; }
            }
            """);

        RunAssert.Clean(run);
        var table = GeneratedSnapshot.Table(run, "country");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(table.Columns.Select(c => c.Name + " " + c.Type + (c.Nullable ? " NULL" : "")),
                Is.EqualTo(new[] { "name varchar(40)", "code text", "previous text NULL", "population integer" }));
            Assert.That(table.PrimaryKey!.Columns, Is.EqualTo(new[] { "code" }), "the generic base's [PrimaryKey] TKey is the string key");
        }
    }

    [Test]
    public void AnOverrideKeepsThePlaceOfThePropertyItOverrides()
    {
        var run = GeneratorHarness.Run("""
            using System.ComponentModel.DataAnnotations;
            using RelGen;

            public abstract class Titled
            {
                public virtual string Title { get; set; } = "";
                public int Rank { get; set; }
            }

            [Model]
            public partial class Chapter : Titled
            {
                public int Id { get; set; }
                [MaxLength(80)] public override string Title { get; set; } = "";
            }
            """);

        RunAssert.Clean(run);
        Assert.That(GeneratedSnapshot.Table(run, "chapter").Columns.Select(c => c.Name + " " + c.Type),
            Is.EqualTo(new[] { "title varchar(80)", "rank integer", "id integer" }), "the override's [MaxLength], at the base's position");
    }

    [Test]
    public void AProtectedSetterOnABaseIsEnough()
    {
        var run = GeneratorHarness.Run("""
            using RelGen;

            public abstract class Stamped
            {
                public DateTimeOffset Stamp { get; protected set; }
            }

            [Model]
            public partial class Note : Stamped
            {
                public string Text { get; set; } = "";
            }
            """);

        RunAssert.Clean(run);
        Assert.That(GeneratedSnapshot.ColumnNames(run, "note"), Is.EqualTo(new[] { "id", "stamp", "text" }));
    }

    [Test]
    public void ASetterOtherClassesCannotReachIsLeftOutOfTheTypedCreateAsync()
    {
        var run = GeneratorHarness.Run(ContractModels.Reporter, """
            using RelGen;

            public abstract class Stamped
            {
                public DateTimeOffset Stamp { get; protected set; }
            }

            [Model]
            public partial class Note : Stamped
            {
                public string Text { get; set; } = "";
                public string Checksum { get; private set; } = "";
                [ForeignKey] public partial Reporter Reporter { get; set; }
            }
            """, UserCode.Method("Reporter reporter", "var note = await reporter.NoteSet.CreateAsync(text: \"hello\");"));

        RunAssert.Clean(run);
        Assert.That(run.GeneratedSources["Note.g.cs"], Does.Contain("CreateAsync(string? text = null, global::System.Threading.CancellationToken cancellationToken = default)"));
    }

    [Test]
    public void RG0020_AModelDerivingFromAModel()
    {
        var run = GeneratorHarness.Run("""
            using RelGen;

            [Model]
            public partial class Animal
            {
                public string Name { get; set; } = "";
            }

            [Model]
            public partial class Dog : Animal
            {
                public bool Barks { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0020", "Dog", "'Dog'", "'Animal'", "base class that is not a [Model]");
    }

    [Test]
    public void RG0025_ABaseSetterTheModelCannotReach()
    {
        var run = GeneratorHarness.Run("""
            using RelGen;

            public abstract class Sealed
            {
                public string Secret { get; private set; } = "";
            }

            [Model]
            public partial class Vault : Sealed
            {
                public int Id { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0025", "Secret", "'Vault.Secret'", "'Sealed'", "setter is not accessible", "[NotMapped]");
    }

    [Test]
    public void RG0025_AForeignKeyOnABaseClass()
    {
        var run = GeneratorHarness.Run(ContractModels.Reporter, """
            using RelGen;

            public abstract partial class Owned
            {
                [ForeignKey] public partial Reporter Owner { get; set; }
            }

            [Model]
            public partial class Draft : Owned
            {
                public string Text { get; set; } = "";
            }
            """);

        Assert.That(run.GeneratorDiagnostics.Select(d => d.Id), Is.EqualTo(new[] { "RG0025" }), run.Describe);
        var diagnostic = run.GeneratorDiagnostics[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.LocatedText(diagnostic), Is.EqualTo("Owner"));
            Assert.That(diagnostic.GetMessage(), Does.Contain("'Draft.Owner'").And.Contain("declare it there"));
            // The partial property on a class RelGen does not generate has no implementation: the compiler says so too, and nothing else.
            Assert.That(run.CompilerErrors.Select(d => d.Id), Is.EqualTo(new[] { "CS9248" }), run.Describe);
        }
    }

    [Test]
    public void RG0006_ABaseMemberAGeneratedMemberWouldHide()
    {
        var run = GeneratorHarness.Run("""
            using RelGen;

            public abstract class Repository
            {
                public static string Objects() => "mine";
            }

            [Model]
            public partial class Place : Repository
            {
                public string Name { get; set; } = "";
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0006", "Objects", "'Objects'", "'Place'");
    }
}
