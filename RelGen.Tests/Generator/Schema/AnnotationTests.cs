namespace RelGen.Tests.Generator.Schema;

/// <summary>
/// DataAnnotations EF Core users bring along (issue 11 item 9): applied where RelGen can, an RG0029 warning saying what
/// RelGen does instead where it cannot, never silence.
/// </summary>
public class AnnotationTests
{
    [TestCase("""[Required] public string? Nickname { get; set; }""", "Required", "'Profile.Nickname'", "[Required] is not applied to 'string?'", "declare 'string'")]
    [TestCase("""[Required] public int? Age { get; set; }""", "Required", "'Profile.Age'", "[Required] is not applied to 'int?'", "declare 'int'")]
    [TestCase("""[Column(TypeName = "citext")] public string Email { get; set; } = "";""", "Column(TypeName = \"citext\")", "'Profile.Email'", "TypeName = \"citext\"", "from the property's type")]
    [TestCase("""[Column(Order = 1)] public string Email { get; set; } = "";""", "Column(Order = 1)", "'Profile.Email'", "declaration order")]
    public void AnnotationsRelGenDoesNotApplyWarn(string member, string locatedText, params string[] named)
    {
        var run = GeneratorHarness.Run($$"""
            using System.ComponentModel.DataAnnotations;
            using System.ComponentModel.DataAnnotations.Schema;
            using RelGen;

            [Model]
            public partial class Profile
            {
                {{member}}
            }
            """);

        AssertSingleWarning(run, locatedText, named);
    }

    [Test]
    public void TableSchemaWarns()
    {
        var run = GeneratorHarness.Run("""
            using System.ComponentModel.DataAnnotations.Schema;
            using RelGen;

            [Model, Table("profiles", Schema = "people")]
            public partial class Profile
            {
                public string Name { get; set; } = "";
            }
            """);

        AssertSingleWarning(run, "Table(\"profiles\", Schema = \"people\")", "Model 'Profile'", "Search Path");
        Assert.That(GeneratedSnapshot.Table(run, "profiles"), Is.Not.Null, "the table name is applied");
    }

    [Test]
    public void RequiredOnANonNullablePropertyIsWhatRelGenDoesAnyway()
    {
        var run = GeneratorHarness.Run("""
            using System.ComponentModel.DataAnnotations;
            using RelGen;

            [Model]
            public partial class Profile
            {
                [Required, EmailAddress] public string Email { get; set; } = "";
            }
            """);

        RunAssert.Clean(run);
        Assert.That(run.GeneratedSources["Profile.g.cs"], Does.Contain("emailAddress: true"), "[EmailAddress] is checked on save");
    }

    private static void AssertSingleWarning(GeneratorRun run, string locatedText, params string[] named)
    {
        Assert.That(run.GeneratorDiagnostics.Select(d => d.Id), Is.EqualTo(new[] { "RG0029" }), run.Describe);
        var warning = run.GeneratorDiagnostics[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(warning.Severity, Is.EqualTo(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
            Assert.That(run.LocatedText(warning), Is.EqualTo(locatedText));
            foreach (var name in named)
                Assert.That(warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture), Does.Contain(name));
            Assert.That(run.CompilerDiagnostics, Is.Empty, "the model still compiles, warning-free: " + run.Describe());
        }
    }
}
