using Microsoft.CodeAnalysis;

namespace RelGen.Tests.Generator.Schema;

/// <summary>
/// A model pointing at a model of another assembly (issue 11 item 16): it compiles, the other assembly's public models are
/// registered with this one's (so CreateTablesAsync creates their tables), and this assembly's snapshot holds their tables.
/// </summary>
public class ReferencedAssemblyTests
{
    private const string Library = """
        using System.ComponentModel.DataAnnotations;
        using RelGen;

        namespace People;

        [Model(Table = "person")]
        public partial class Person
        {
            public int Id { get; set; }
            [MaxLength(50), Unique] public string Name { get; set; } = "";
        }

        [Model]
        internal partial class Audit
        {
            public string Note { get; set; } = "";
        }
        """;

    private static readonly Lazy<MetadataReference> LibraryReference = new(() =>
    {
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), GeneratorHarness.CreateCompilation("People", [], Library));
        RunAssert.Clean(run);
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.That(emitted.Success, Is.True, string.Join(Environment.NewLine, emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    });

    private static GeneratorRun RunApp(params string[] sources)
        => GeneratorHarness.Run(GeneratorHarness.CreateDriver(), GeneratorHarness.CreateCompilation("App", [LibraryReference.Value], sources));

    [Test]
    public void ARelationToAModelOfAReferencedAssemblyCompilesAndItsTablesJoinTheSnapshot()
    {
        var run = RunApp("""
            using RelGen;

            [Model]
            public partial class Post
            {
                public string Title { get; set; } = "";
                [ForeignKey(OnDelete = OnDelete.Protect)] public partial People.Person Author { get; set; }
            }
            """, UserCode.Method("RelGenDatabase db, People.Person someone", """
            var posts = await Post.Objects(db).Filter(p => p.Author.Name == "Ada").SelectRelated(p => p.Author).ToListAsync();
            var mine = await Post.Objects(db).Filter(p => p.Author == someone).CountAsync();
            """));

        RunAssert.Clean(run);
        var snapshot = GeneratedSnapshot.Of(run)!;
        var post = snapshot.FindTable("post")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(snapshot.Tables.Select(t => t.Name), Is.EqualTo(new[] { "audit", "person", "post" }), "the library's tables, internal model's included, and ours");
            Assert.That(snapshot.FindTable("person")!.UniqueConstraints.Select(u => u.Name), Is.EqualTo(new[] { "person_name_key" }), "as the library's generator named them");
            Assert.That(post.ForeignKeys.Select(f => $"{f.Name} -> {f.ReferencedTable}.{f.ReferencedColumns[0]} {f.OnDelete}"), Is.EqualTo(new[] { "post_author_id_fkey -> person.id NO ACTION" }));
            Assert.That(run.GeneratedSources["RelGen.ModelRegistration.g.cs"], Does.Contain("ModelRegistry.Register<global::Post>();")
                .And.Contain("ModelRegistry.Register<global::People.Person>();").And.Not.Contain("Audit"),
                "the library's public models are registered here; its internal ones by its own module initializer, which registering Person runs");
            Assert.That(run.GeneratedSources["RelGen.SchemaSnapshot.g.cs"], Does.Contain("new global::RelGen.Metadata.TableSchema(\"post\",").And.Not.Contain("TableSchema(\"person\""),
                "each assembly registers the DDL of its own tables");
        }
    }

    [Test]
    public void AnAssemblyWithoutModelsRegistersTheReferencedOnesAndDescribesTheirSchema()
    {
        var run = RunApp("public static class Startup { }");

        RunAssert.Clean(run);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(GeneratedSnapshot.Of(run)!.Tables.Select(t => t.Name), Is.EqualTo(new[] { "audit", "person" }), "migrations kept in the application project cover the library's models");
            Assert.That(run.GeneratedSources["RelGen.ModelRegistration.g.cs"], Does.Contain("ModelRegistry.Register<global::People.Person>();"));
            Assert.That(run.GeneratedSources["RelGen.SchemaSnapshot.g.cs"], Does.Not.Contain("TableSchema("));
        }
    }

    [Test]
    public void RG0024_AModelTakingAReferencedModelsTable()
    {
        var run = RunApp("""
            using RelGen;

            [Model(Table = "person")]
            public partial class Contact
            {
                public string Phone { get; set; } = "";
            }
            """);

        RunAssert.SingleGeneratorError(run, "RG0024", "Contact", "table name 'person' of 'Contact'", "'assembly People'");
    }

    [Test]
    public void RG0003_AReferencedModelRelGenDidNotGenerate()
    {
        // An assembly built without RelGen's generator: its [Model] class is a plain class there, with no descriptor to point at.
        var plain = GeneratorHarness.CreateCompilation("Places", [], """
            namespace Places;

            [RelGen.Model]
            public partial class City
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
            }
            """);
        using var image = new MemoryStream();
        var emitted = plain.Emit(image);
        Assert.That(emitted.Success, Is.True, string.Join(Environment.NewLine, emitted.Diagnostics));
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), GeneratorHarness.CreateCompilation("App",
            [MetadataReference.CreateFromImage(image.ToArray())], """
            using RelGen;

            [Model]
            public partial class Shop
            {
                [ForeignKey] public partial Places.City City { get; set; }
            }
            """));

        RunAssert.SingleGeneratorError(run, "RG0003", "City", "'Shop.City'", "'Places.City'", "referenced assembly");
    }
}
