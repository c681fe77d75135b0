using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Models;

/// <summary>A Guid-keyed model with an int version, for optimistic concurrency and updates of objects RelGen has not seen (DTOs).</summary>
[Model(Table = "w_document")]
public partial class Document
{
    [PrimaryKey] public Guid Id { get; set; }
    [MaxLength(50)] public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    [ConcurrencyCheck] public int Version { get; set; }
    public override string ToString() => Title;
}
