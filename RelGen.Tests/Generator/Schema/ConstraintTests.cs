using RelGen.Schema.Snapshots;

namespace RelGen.Tests.Generator.Schema;

/// <summary>[Unique], [Index], [CheckSql], [DefaultSql] and [Column] in the snapshot the generator puts on the assembly, and the DDL it registers.</summary>
public class ConstraintTests
{
    private const string Member = """
        using System.ComponentModel;
        using System.ComponentModel.DataAnnotations;
        using System.ComponentModel.DataAnnotations.Schema;
        using RelGen;

        [Model, Index(nameof(LastName), nameof(FirstName)), Index(nameof(Slug), Unique = true, Name = "member_slug_unique")]
        [CheckSql("member_age_not_negative", "age >= 0")]
        public partial class Member
        {
            public int Id { get; set; }
            [Column("given_name"), MaxLength(30)] public string FirstName { get; set; } = "";
            [MaxLength(30)] public string LastName { get; set; } = "";
            [Unique, MaxLength(100)] public string Email { get; set; } = "";
            public string Slug { get; set; } = "";
            public int Age { get; set; }
            [DefaultSql("now()")] public DateTime Joined { get; set; }
            [DefaultValue("member")] public string Role { get; set; } = "member";
        }
        """;

    [Test]
    public void TheSnapshotHoldsEveryDeclaredConstraintWithItsName()
    {
        var run = GeneratorHarness.Run(Member);

        RunAssert.Clean(run);
        var table = GeneratedSnapshot.Table(run, "member");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(table.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "given_name", "last_name", "email", "slug", "age", "joined", "role" }));
            Assert.That(table.FindColumn("joined")!.DefaultSql, Is.EqualTo("now()"));
            Assert.That(table.FindColumn("role")!.DefaultSql, Is.EqualTo("'member'"));
            Assert.That(table.PrimaryKey!.Name, Is.EqualTo("member_pkey"));
            Assert.That(table.UniqueConstraints.Select(u => u.Name + " (" + string.Join(", ", u.Columns) + ")"), Is.EqualTo(new[] { "member_email_key (email)" }));
            Assert.That(table.Indexes.Select(i => i.Name + (i.Unique ? " unique" : "") + " (" + string.Join(", ", i.Columns) + ")"),
                Is.EqualTo(new[] { "member_last_name_given_name_idx (last_name, given_name)", "member_slug_unique unique (slug)" }));
            Assert.That(table.CheckConstraints.Select(c => c.Name + ": " + c.Sql), Is.EqualTo(new[] { "member_age_not_negative: age >= 0" }));
            Assert.That(run.GeneratedSources["Member.g.cs"], Does.Contain("""FirstName = b.Column<string>("FirstName", "given_name", "varchar(30)", """), "the descriptor reads and writes the renamed column");
        }
    }

    [Test]
    public void TheRegisteredDdlIsTheMigrationsDdlOfThatSnapshot()
    {
        var run = GeneratorHarness.Run(ContractModels.Reporter, ContractModels.Article, Member);

        RunAssert.Clean(run);
        var snapshot = GeneratedSnapshot.Of(run)!;
        var schema = run.GeneratedSources["RelGen.SchemaSnapshot.g.cs"];
        foreach (var table in snapshot.Tables)
        {
            var expected = new[] { RelGen.Schema.Ddl.PostgresDdl.CreateTable(table) }
                .Concat(table.Indexes.Select(i => RelGen.Schema.Ddl.PostgresDdl.CreateIndex(table.Name, i)))
                .Concat(table.ForeignKeys.Select(fk => RelGen.Schema.Ddl.PostgresDdl.AddConstraint(table.Name, RelGen.Schema.Ddl.PostgresDdl.ForeignKeyClause(fk))));
            var arguments = string.Join(", ", new[] { table.Name }.Concat(expected).Select(s => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(s, quote: true)));
            Assert.That(schema, Does.Contain($"new global::RelGen.Metadata.TableSchema({arguments})"), table.Name);
        }
    }

    [Test]
    public void AForeignKeyHasItsIndexUnlessAUniqueConstraintServesAsOne()
    {
        var run = GeneratorHarness.Run(ContractModels.Reporter, """
            using RelGen;

            [Model]
            public partial class Profile
            {
                [ForeignKey, Unique] public partial Reporter Reporter { get; set; }
                [ForeignKey(OnDelete = OnDelete.SetNull, RelatedName = "Mentored", RelatedQueryName = "Mentored")] public partial Reporter? Mentor { get; set; }
            }
            """);

        RunAssert.Clean(run);
        var table = GeneratedSnapshot.Table(run, "profile");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(table.UniqueConstraints.Select(u => u.Name), Is.EqualTo(new[] { "profile_reporter_id_key" }));
            Assert.That(table.Indexes.Select(i => i.Name), Is.EqualTo(new[] { "profile_mentor_id_idx" }), "the unique constraint's index serves reporter_id");
            Assert.That(table.ForeignKeys.Select(f => $"{f.Name} -> {f.ReferencedTable}.{f.ReferencedColumns[0]} {f.OnDelete}"),
                Is.EqualTo(new[] { "profile_mentor_id_fkey -> reporter.id SET NULL", "profile_reporter_id_fkey -> reporter.id CASCADE" }));
        }
    }

    [Test]
    public void KeyTableAndColumnFromDataAnnotationsAreApplied()
    {
        var run = GeneratorHarness.Run("""
            using System.ComponentModel.DataAnnotations;
            using System.ComponentModel.DataAnnotations.Schema;
            using RelGen;
            using ForeignKey = RelGen.ForeignKeyAttribute;

            [Model, Table("legacy_customers")]
            public partial class Customer
            {
                [Key] public Guid Reference { get; set; }
                [Column("customer_name")] public string Name { get; set; } = "";
            }

            [Model]
            public partial class Order
            {
                [ForeignKey, Column("buyer")] public partial Customer Customer { get; set; }
            }
            """);

        RunAssert.Clean(run);
        var customer = GeneratedSnapshot.Table(run, "legacy_customers");
        var order = GeneratedSnapshot.Table(run, "order");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(customer.Columns.Select(c => c.Name + " " + c.Type), Is.EqualTo(new[] { "reference uuid", "customer_name text" }));
            Assert.That(customer.PrimaryKey!.Columns, Is.EqualTo(new[] { "reference" }), "[Key] marks the key as [PrimaryKey] does");
            Assert.That(order.FindColumn("buyer")?.Type, Is.EqualTo("uuid"));
            Assert.That(order.ForeignKeys.Single().ReferencedTable + "." + order.ForeignKeys.Single().ReferencedColumns[0], Is.EqualTo("legacy_customers.reference"));
            Assert.That(run.GeneratedSources["Customer.g.cs"], Does.Contain("""new __RG.ModelBuilder<__M, global::System.Guid>("Customer", "legacy_customers", this);"""));
        }
    }

    [Test]
    public void LongGeneratedNamesAreCutToSixtyThreeBytesWithAHash()
    {
        var run = GeneratorHarness.Run("""
            using RelGen;

            [Model(Table = "a_table_name_that_is_quite_long_but_still_fits_the_limit")]
            public partial class Wide
            {
                [Unique] public string AColumnWithAVeryLongNameIndeed { get; set; } = "";
            }
            """);

        RunAssert.Clean(run);
        var name = GeneratedSnapshot.Table(run, "a_table_name_that_is_quite_long_but_still_fits_the_limit").UniqueConstraints.Single().Name;
        Assert.That(name, Does.Match("^a_table_name_that_is_quite_long_but_still_fits_the_lim_[0-9a-f]{8}$"));
        Assert.That(name, Has.Length.EqualTo(63));
    }
}
