using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Models;

/// <summary>A model unique on a numeric(10,2) column, which rounds what it stores: upserts must find a clash's row as stored.</summary>
[Model(Table = "w_price_tier")]
public partial class PriceTier
{
    public int Id { get; set; }
    [Unique, Precision(10, 2)] public decimal Price { get; set; }
    [MaxLength(30)] public string Name { get; set; } = "";
    public override string ToString() => Name;
}
