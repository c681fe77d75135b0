using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Models;

/// <summary>A model of date, time and text values, for the value mappings: DateTime kinds, offsets, precision, text rules.</summary>
[Model(Table = "val_moment")]
public partial class Moment
{
    public int Id { get; set; }
    [MaxLength(5)] public string Label { get; set; } = "";
    public DateTime At { get; set; }
    public DateTime? Maybe { get; set; }
    public DateTimeOffset Stamp { get; set; }
    public TimeOnly Clock { get; set; }
    public string? Note { get; set; }
    public override string ToString() => Label;
}
