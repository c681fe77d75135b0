using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Models;

/// <summary>A model whose key is a string the application gives (an ISO code), for saving objects RelGen has not seen.</summary>
[Model(Table = "w_country")]
public partial class Country
{
    [PrimaryKey, MaxLength(2)] public string Code { get; set; } = "";
    [MaxLength(40)] public string Name { get; set; } = "";
    public string? Capital { get; set; }
    public override string ToString() => Code;
}
