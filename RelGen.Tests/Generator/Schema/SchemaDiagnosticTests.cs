namespace RelGen.Tests.Generator.Schema;

/// <summary>Mistakes in constraints, indexes and names: one RG error each, on the attribute or member, naming model and member.</summary>
public class SchemaDiagnosticTests
{
    private static GeneratorRun Model(string attributes, string members, string @class = "Shop")
        => GeneratorHarness.Run($$"""
            using System.ComponentModel;
            using System.ComponentModel.DataAnnotations;
            using System.ComponentModel.DataAnnotations.Schema;
            using RelGen;

            {{attributes}}
            public partial class {{@class}}
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
                public string City { get; set; } = "";
            {{members}}
            }
            """);

    [Test]
    public void RG0021_IndexNamesAnUnknownProperty()
    {
        var run = Model("""[Model, Index(nameof(Name), "Town")]""", "");

        RunAssert.SingleGeneratorError(run, "RG0021", "\"Town\"", "'Shop'", "'Town'");
    }

    [TestCase("""[Model, Index(nameof(Name), nameof(Name))]""", "", "nameof(Name)", "names 'Name' twice")]
    [TestCase("""[Model, Index(nameof(Name)), Index(nameof(Name))]""", "", "Index(nameof(Name))", "same index on (name)")]
    [TestCase("""[Model, Index]""", "", "Index", "names no property")]
    [TestCase("""[Model]""", "    [Unique] public int Code { get; set; }\n    [Unique] public int Other { get; set; }", null, null)]
    [TestCase("""[Model, Index(nameof(City), Unique = true)]""", "", null, null)]
    public void IndexDeclarations(string attributes, string members, string? locatedText, string? message)
    {
        var run = Model(attributes, members);

        if (locatedText is null)
            RunAssert.Clean(run);
        else
            RunAssert.SingleGeneratorError(run, "RG0022", locatedText, "'Shop'", message!);
    }

    [Test]
    public void RG0022_UniqueOnThePrimaryKey()
    {
        var run = GeneratorHarness.Run("""
            using RelGen;

            [Model]
            public partial class Ticket
            {
                [Unique] public int Id { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0022", "Unique", "'Ticket'", "'Id' is the primary key");
    }

    [Test]
    public void RG0022_AUniqueIndexRepeatingAUniqueColumn()
    {
        var run = Model("""[Model, Index(nameof(Code), Unique = true)]""", "    [Unique] public int Code { get; set; }");

        RunAssert.SingleGeneratorError(run, "RG0022", "Index(nameof(Code), Unique = true)", "'Shop'", "'code' is [Unique] already");
    }

    [Test]
    public void RG0022_AnIndexRepeatingTheForeignKeysIndex()
    {
        var run = GeneratorHarness.Run(ContractModels.Reporter, """
            using RelGen;

            [Model, Index(nameof(Reporter))]
            public partial class Column
            {
                [ForeignKey] public partial Reporter Reporter { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0022", "Index(nameof(Reporter))", "'Column'", "already indexes foreign key column 'reporter_id'", "'column_reporter_id_idx'");
    }

    [Test]
    public void RG0022_BothDefaultValueAndDefaultSql()
    {
        var run = Model("[Model]", """    [DefaultValue(1), DefaultSql("1 + 1")] public int Stock { get; set; }""");

        RunAssert.SingleGeneratorError(run, "RG0022", "DefaultSql(\"1 + 1\")", "'Shop'", "'Stock' has both [DefaultValue] and [DefaultSql]");
    }

    [Test]
    public void RG0022_TwoTableNames()
    {
        var run = Model("""[Model(Table = "shops"), Table("stores")]""", "");

        RunAssert.SingleGeneratorError(run, "RG0022", "Table(\"stores\")", "'Shop'", "[Model(Table = \"shops\")] and [Table(\"stores\")] name different tables");
    }

    [Test]
    public void RG0022_ACheckWithoutSql()
    {
        var run = Model("""[Model, CheckSql("shop_ok", " ")]""", "");

        RunAssert.SingleGeneratorError(run, "RG0022", "CheckSql(\"shop_ok\", \" \")", "'Shop'", "gives no SQL");
    }

    [TestCase("""[Model(Table = "pg_class")]""", "", "Shop", "'pg_class'", "system catalogs")]
    [TestCase("""[Model(Table = "relgen_migrations")]""", "", "Shop", "'relgen_migrations'", "records the applied migrations")]
    [TestCase("""[Model(Table = "shop\0")]""", "", "Shop", "'shop\\0'", "NUL")]
    [TestCase("""[Model]""", """    [Column("xmin")] public int Version { get; set; }""", "Version", "'xmin'", "system column")]
    [TestCase("""[Model]""", """    [Column("")] public int Stock { get; set; }""", "Stock", "'Shop.Stock'", "empty")]
    [TestCase("""[Model, Index(nameof(Name), Name = "an_index_name_that_goes_on_and_on_well_past_what_postgresql_keeps")]""", "", "Index(nameof(Name), Name = \"an_index_name_that_goes_on_and_on_well_past_what_postgresql_keeps\")", "65 bytes", "first 63")]
    public void RG0023_NamesPostgreSqlCannotHold(string attributes, string members, string locatedText, string named, string reason)
    {
        var run = Model(attributes, members);

        RunAssert.SingleGeneratorError(run, "RG0023", locatedText, named, reason);
    }

    [Test]
    public void RG0023_ALongTableNameFromTheClassName()
    {
        var name = "Shop" + new string('X', 60);
        var run = Model("[Model]", "", name);

        RunAssert.SingleGeneratorError(run, "RG0023", name, $"'{name}'", "65 bytes");
    }

    [Test]
    public void RG0023_ALongColumnNameGivenByColumn()
    {
        var name = "a_column_name_that_goes_on_and_on_well_past_what_postgresql_keeps";
        var run = Model("[Model]", $$"""    [Column("{{name}}")] public int Stock { get; set; }""");

        RunAssert.SingleGeneratorError(run, "RG0023", "Stock", "column", $"'{name}'", "'Shop.Stock'", "65 bytes", "first 63");
    }

    [Test]
    public void RG0023_ALongColumnNameFromThePropertyName()
    {
        // The column is the property's snake_case: 65 characters here.
        var property = "NumberOfItemsStillWaitingOnTheShelfOfTheBackStoreRoom";
        var run = Model("[Model]", $$"""    public int {{property}} { get; set; }""");

        RunAssert.SingleGeneratorError(run, "RG0023", property, "'number_of_items_still_waiting_on_the_shelf_of_the_back_store_room'", "65 bytes");
    }

    [Test]
    public void RG0023_AColumnNameCountsUtf8Bytes()
    {
        // 32 characters, 64 bytes in UTF-8: PostgreSQL's limit is in bytes.
        var name = new string('é', 32);
        var run = Model("[Model]", $$"""    [Column("{{name}}")] public int Stock { get; set; }""");

        RunAssert.SingleGeneratorError(run, "RG0023", "Stock", $"'{name}'", "64 bytes");
    }

    [Test]
    public void RG0023_TwoLongColumnNamesThatWouldCollideOnceCutAreBothErrors()
    {
        var prefix = new string('x', 63);
        var run = Model("[Model]", $$"""
                [Column("{{prefix}}_a")] public int First { get; set; }
                [Column("{{prefix}}_b")] public int Second { get; set; }
            """);

        RunAssert.OnlyGeneratorErrors(run, "RG0023", "RG0023");
        Assert.That(run.GeneratorDiagnostics.Select(run.LocatedText), Is.EquivalentTo(new[] { "First", "Second" }));
    }

    [Test]
    public void RG0023_ALongRelationKeyColumn()
    {
        var relation = "ReporterWhoFirstWroteAboutTheStoryBeforeAnyoneElseInTheNewsroom";
        var run = GeneratorHarness.Run(ContractModels.Reporter, $$"""
            using RelGen;

            [Model]
            public partial class Scoop
            {
                [ForeignKey] public partial Reporter {{relation}} { get; set; }
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0023", relation, "column", "_newsroom_id'", "'Scoop", "78 bytes");
    }

    [Test]
    public void RG0024_TwoPropertiesForOneColumn()
    {
        var run = Model("[Model]", """    [Column("name")] public string Title { get; set; } = "";""");

        RunAssert.SingleGeneratorError(run, "RG0024", "Title", "'name'", "'Shop.Title'", "'Shop.Name'");
    }

    [Test]
    public void RG0024_TwoModelsForOneTable()
    {
        var run = GeneratorHarness.Run("""
            using RelGen;

            [Model(Table = "item")]
            public partial class Item
            {
                public string Name { get; set; } = "";
            }

            [Model(Table = "item")]
            public partial class Product
            {
                public string Name { get; set; } = "";
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0024", "Product", "table name 'item' of 'Product'", "'Item'", "[Model(Table = \"...\")]");
    }

    [Test]
    public void RG0024_AnIndexNamedLikeAnotherTable()
    {
        var run = GeneratorHarness.Run("""
            using RelGen;

            [Model]
            public partial class Tag
            {
                public string Name { get; set; } = "";
            }

            [Model, Index(nameof(Label), Name = "tag")]
            public partial class Sticker
            {
                public string Label { get; set; } = "";
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0024", "Sticker", "index name 'tag' of 'Sticker'", "table name of 'Tag'", "one namespace per schema");
    }
}
