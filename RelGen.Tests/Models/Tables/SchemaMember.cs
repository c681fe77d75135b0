using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace RelGen.Tests.Models.Tables;

[Model(Table = "sch_member"), Index(nameof(LastName), nameof(FirstName)), Index(nameof(Slug), Unique = true)]
[CheckSql("sch_member_age_not_negative", "age >= 0")]
public partial class SchemaMember : AuditedRow
{
    [Column("given_name"), MaxLength(30)] public string FirstName { get; set; } = "";
    [MaxLength(30)] public string LastName { get; set; } = "";
    [Unique, MaxLength(100), EmailAddress] public string Email { get; set; } = "";
    [MaxLength(50)] public string Slug { get; set; } = "";
    public int Age { get; set; }
    [DefaultSql("now()")] public DateTimeOffset Joined { get; set; }
}
