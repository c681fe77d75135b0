using LinqToDB.Mapping;

namespace RelGen.Benchmarks.Linq2Db;

/// <summary>linq2db's view of the reporter table.</summary>
[Table("reporter")]
public sealed class L2Reporter
{
    [Column("id"), PrimaryKey, Identity] public int Id { get; set; }
    [Column("first_name")] public string FirstName { get; set; } = "";
    [Column("last_name")] public string LastName { get; set; } = "";
    [Column("email")] public string Email { get; set; } = "";

    [Association(ThisKey = nameof(Id), OtherKey = nameof(L2Article.ReporterId))]
    public List<L2Article> Articles { get; set; } = [];
}
