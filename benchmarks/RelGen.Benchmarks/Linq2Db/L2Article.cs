using LinqToDB.Mapping;

namespace RelGen.Benchmarks.Linq2Db;

/// <summary>linq2db's view of the article table (linq2db maps its own attributed classes).</summary>
[Table("article")]
public sealed class L2Article
{
    [Column("id"), PrimaryKey, Identity] public int Id { get; set; }
    [Column("headline")] public string Headline { get; set; } = "";
    [Column("pub_date")] public DateOnly PubDate { get; set; }
    [Column("views")] public int Views { get; set; }
    [Column("reporter_id")] public int ReporterId { get; set; }

    [Association(ThisKey = nameof(ReporterId), OtherKey = nameof(L2Reporter.Id), CanBeNull = false)]
    public L2Reporter Reporter { get; set; } = null!;
}
