namespace RelGen.Tests.Packaging;

/// <summary>The consumer programs: the contract's Reporter and Article (from API.md), and a model that is not partial.</summary>
public static class ConsumerSources
{
    /// <summary>
    /// Uses the members only the generator provides, so it compiles only when the package's generator ran; run
    /// with a connection string, it walks the relation both ways against that database and prints what it found
    /// and which assemblies it ran on (RelGen's target framework, Npgsql's and Logging.Abstractions' versions).
    /// </summary>
    public const string Newsroom = """
        using System.ComponentModel.DataAnnotations;
        using System.Reflection;
        using System.Runtime.Versioning;
        using RelGen;

        string connectionString = args.Length > 0 ? args[0] : "Host=localhost;Database=newsroom";
        await using var db = RelGenDatabase.Create(connectionString);
        await db.CreateTablesAsync();
        var reporter = new Reporter { FirstName = "John", LastName = "Smith", Email = "john@example.com" };
        await db.SaveAsync(reporter);
        Article article = await reporter.ArticleSet.CreateAsync(headline: "This is a test", pubDate: new DateOnly(2005, 7, 27));
        bool keyKept = article.ReporterId == reporter.Id;
        var johns = await Article.Objects(db).Filter(a => a.Reporter.FirstName == "John").ToListAsync();
        var writers = await Reporter.Objects(db).Filter(r => r.Article.Headline.StartsWith("This")).Distinct().CountAsync();
        var raw = await db.QueryAsync<HeadlineRow>($"SELECT headline, pub_date FROM article WHERE reporter_id = {reporter.Id}");
        var counted = await Reporter.Objects(db).Select(r => r.LastName, r => r.Article.Count()).ToListAsync();
        DeleteResult deleted = await db.DeleteAsync(reporter);
        Console.WriteLine($"key {(keyKept ? "kept" : "lost")}; johns {johns.Count}; writers {writers}; deleted {deleted.Total}");
        Console.WriteLine($"raw {raw[0].Headline} {raw[0].PubDate:yyyy-MM-dd}; counted {counted[0].Item1} {counted[0].Item2}");
        Console.WriteLine($"RelGen {typeof(RelGenDatabase).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName}; "
            + $"Npgsql {typeof(Npgsql.NpgsqlConnection).Assembly.GetName().Version}; "
            + $"Logging.Abstractions {typeof(Microsoft.Extensions.Logging.ILogger).Assembly.GetName().Version}");

        public sealed record HeadlineRow(string Headline, DateOnly PubDate);

        [Model]
        public partial class Reporter
        {
            public int Id { get; set; }
            [MaxLength(30)] public string FirstName { get; set; } = "";
            [MaxLength(30)] public string LastName { get; set; } = "";
            [EmailAddress] public string Email { get; set; } = "";
            public override string ToString() => $"{FirstName} {LastName}";
        }

        [Model, Ordering(nameof(Headline))]
        public partial class Article
        {
            public int Id { get; set; }
            [MaxLength(100)] public string Headline { get; set; } = "";
            public DateOnly PubDate { get; set; }
            [ForeignKey(OnDelete = OnDelete.Cascade)]
            public partial Reporter Reporter { get; set; }
            public override string ToString() => Headline;
        }

        """;

    /// <summary>Compiles without RelGen's analyzer; with it, RG0001 is the one error.</summary>
    public const string NotPartial = """
        using RelGen;

        Console.WriteLine(new Note { Text = "hello" }.Text);

        [Model]
        public class Note
        {
            public int Id { get; set; }
            public string Text { get; set; } = "";
        }

        """;
}
