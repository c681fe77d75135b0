namespace RelGen.Tests.Generator;

/// <summary>
/// The typed <c>CreateAsync</c> of a reverse manager (issue 11, item 8): parameters in declaration order, so a positional
/// call cannot swap two columns; only a trailing run of columns that need no value is optional, and an initialised column's
/// parameter is nullable so that leaving it out keeps the initial value.
/// </summary>
public class CreateAsyncSignatureTests
{
    private const string Owner = """
        using RelGen;

        [Model]
        public partial class Account
        {
            public string Login { get; set; } = "";
        }
        """;

    [Test]
    public void ANullableColumnBeforeARequiredOneStaysInPlaceAndIsRequired()
    {
        var run = GeneratorHarness.Run(Owner, """
            using System.ComponentModel;
            using RelGen;

            [Model]
            public partial class Profile
            {
                public string? Bio { get; set; }
                public int BirthYear { get; set; }
                [ForeignKey(RelatedName = "Profiles")] public partial Account Owner { get; set; }
                public string? Website { get; set; }
                public string TimeZone { get; set; } = "UTC";
                [DefaultValue(10)] public int Quota { get; set; }
            }
            """,
            UserCode.Method("Account account", """
                Profile positional = await account.Profiles.CreateAsync("bio", 1990);
                Profile named = await account.Profiles.CreateAsync(birthYear: 1990, bio: null, quota: 3);
                Profile all = await account.Profiles.CreateAsync("bio", 1990, "https://example.org", "Europe/Paris", 3);
                """));

        RunAssert.Clean(run);
        var source = run.GeneratedSources["Profile.g.cs"];
        Assert.That(source, Does.Contain(
            "public global::System.Threading.Tasks.Task<__M> CreateAsync(string? bio, int birthYear, string? website = default, string? timeZone = null, int quota = 10, "
            + "global::System.Threading.CancellationToken cancellationToken = default)"));
        // Left out (null), the initialised column keeps the object's own initial value.
        Assert.That(source, Does.Contain("var __o = new __M { Bio = bio, BirthYear = birthYear, Website = website, Quota = quota };"));
        Assert.That(source, Does.Contain("if (timeZone is { } __3) __o.TimeZone = __3;"));
        Assert.That(source, Does.Contain("/// <param name=\"timeZone\">Profile.TimeZone (null keeps its initial value).</param>"));
    }

    [Test]
    public void LeavingOutTheNullableColumnBeforeARequiredOneDoesNotCompile()
    {
        var run = GeneratorHarness.Run(Owner, """
            using RelGen;

            [Model]
            public partial class Profile
            {
                public string? Bio { get; set; }
                public int BirthYear { get; set; }
                [ForeignKey(RelatedName = "Profiles")] public partial Account Owner { get; set; }
            }
            """,
            UserCode.Method("Account account", """
                Profile profile = await account.Profiles.CreateAsync(birthYear: 1990);
                """));

        Assert.That(run.GeneratorDiagnostics, Is.Empty, run.Describe);
        Assert.That(run.CompilerErrors.Select(d => d.Id), Is.EqualTo(new[] { "CS7036" }), run.Describe);
    }

    [Test]
    public void TheIssuesProfileKeepsItsOrderAndBothColumnsAreOptional()
    {
        // Issue 11's own case: before the fix, CreateAsync(string timeZone, string? bio = null) swapped two strings silently.
        var run = GeneratorHarness.Run(Owner, """
            using RelGen;

            [Model]
            public partial class UserProfile
            {
                public string? Bio { get; set; }
                public string TimeZone { get; set; } = "UTC";
                [ForeignKey(RelatedName = "Profiles")] public partial Account Owner { get; set; }
            }
            """,
            UserCode.Method("Account account", """
                UserProfile positional = await account.Profiles.CreateAsync("likes tea", "Europe/Paris");
                UserProfile none = await account.Profiles.CreateAsync();
                """));

        RunAssert.Clean(run);
        Assert.That(run.GeneratedSources["UserProfile.g.cs"], Does.Contain(
            "CreateAsync(string? bio = default, string? timeZone = null, global::System.Threading.CancellationToken cancellationToken = default)"));
    }
}
