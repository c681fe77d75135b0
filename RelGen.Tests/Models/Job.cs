using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Models;

/// <summary>A job queue's row, for row locks (SelectForUpdate with SkipLocked and Take).</summary>
[Model(Table = "w_job"), Ordering(nameof(Id))]
public partial class Job
{
    public int Id { get; set; }
    [MaxLength(40)] public string Title { get; set; } = "";
    public bool Done { get; set; }
    public int Attempts { get; set; }
    [MaxLength(20)] public string? Worker { get; set; }
    public override string ToString() => Title;
}
