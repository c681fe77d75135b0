using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Models.Tables;

/// <summary>A base class that is not a model: its properties are columns of every model deriving from it.</summary>
public abstract class AuditedRow
{
    public int Id { get; set; }
    [MaxLength(40), DefaultSql("'system'")] public string CreatedBy { get; set; } = "system";
    public DateTimeOffset CreatedAt { get; set; }
}
