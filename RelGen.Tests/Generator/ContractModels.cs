namespace RelGen.Tests.Generator;

/// <summary>The Reporter/Article models exactly as the API contract declares them.</summary>
internal static class ContractModels
{
    public const string Reporter = """
        using System.ComponentModel.DataAnnotations;   // MaxLength, EmailAddress
        using RelGen;

        [Model]
        public partial class Reporter
        {
            public int Id { get; set; }
            [MaxLength(30)] public string FirstName { get; set; } = "";
            [MaxLength(30)] public string LastName { get; set; } = "";
            [EmailAddress] public string Email { get; set; } = "";
            public override string ToString() => $"{FirstName} {LastName}";
        }
        """;

    public const string Article = """
        using System.ComponentModel.DataAnnotations;
        using RelGen;

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
}
