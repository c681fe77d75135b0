using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Models.Tables;

/// <summary>One badge per member at most: a unique foreign key (Django's OneToOneField), whose unique constraint is its index.</summary>
[Model(Table = "sch_badge")]
public partial class SchemaBadge
{
    public int Id { get; set; }
    [MaxLength(20)] public string Name { get; set; } = "";
    [ForeignKey, Unique] public partial SchemaMember Member { get; set; }
}
