using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace RelGen.Tests.Models.Reads;

/// <summary>The column types beyond the walkthrough's: arrays, intervals, a decimal with precision and scale, jsonb.</summary>
[Model(Table = "rd_gadget"), Ordering(nameof(Name))]
public partial class Gadget
{
    public int Id { get; set; }
    [MaxLength(40)] public string Name { get; set; } = "";
    public int[] Sizes { get; set; } = [];
    public string[]? Tags { get; set; }
    public TimeSpan Warranty { get; set; }
    public TimeSpan? Delay { get; set; }
    [Precision(10, 2)] public decimal Price { get; set; }
    public JsonDocument? Raw { get; set; }
    [Json(typeof(ReadsJson))] public Spec Spec { get; set; } = new();
    [Json(typeof(ReadsJson))] public List<string>? Notes { get; set; }
    public override string ToString() => Name;
}
