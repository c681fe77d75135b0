namespace RelGen.Tests.Models;

/// <summary>A child with a Guid key RelGen assigns on insert.</summary>
[Model(Table = "val_pin")]
public partial class Pin
{
    [PrimaryKey] public Guid Id { get; set; }
    public string Text { get; set; } = "";
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial Board Board { get; set; }
    public override string ToString() => Text;
}
