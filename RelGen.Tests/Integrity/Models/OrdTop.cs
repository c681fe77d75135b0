namespace RelGen.Tests.Integrity.Models;

/// <summary>The top of a graph whose Restrict target is collected deeper than its restricting referrer (see DeleteOrderTests).</summary>
[Model(Table = "ord_top")]
public partial class OrdTop
{
    public int Id { get; set; }
    public override string ToString() => $"OrdTop {Id}";
}
