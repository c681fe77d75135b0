namespace RelGen.Tests.Integrity.Models;

/// <summary>Points at <see cref="OrdBottom"/>, so the bottom is collected rather than fast-deleted.</summary>
[Model(Table = "ord_leaf")]
public partial class OrdLeaf
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial OrdBottom Bottom { get; set; }
    public override string ToString() => $"OrdLeaf {Id}";
}
