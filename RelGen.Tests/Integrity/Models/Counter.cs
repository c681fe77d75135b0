using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Integrity.Models;

/// <summary>One number that concurrent transactions increment: serialization failures, deadlocks, retries.</summary>
[Model(Table = "integrity_counter")]
public partial class Counter
{
    public int Id { get; set; }
    [MaxLength(40)] public string Name { get; set; } = "";
    public int Value { get; set; }
    public override string ToString() => $"{Name}={Value}";
}
