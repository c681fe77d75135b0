using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Models;

/// <summary>A model with a <c>long</c> identity key, for saving objects RelGen has not seen.</summary>
[Model(Table = "w_parcel")]
public partial class Parcel
{
    public long Id { get; set; }
    [MaxLength(30)] public string Label { get; set; } = "";
    public int Grams { get; set; }
    public override string ToString() => Label;
}
