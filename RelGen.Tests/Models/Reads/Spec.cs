namespace RelGen.Tests.Models.Reads;

/// <summary>An application type stored as jsonb through source-generated System.Text.Json metadata.</summary>
public sealed class Spec
{
    public string Color { get; set; } = "";
    public int Weight { get; set; }
    public List<int> Parts { get; set; } = [];
}
