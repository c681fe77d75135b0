namespace RelGen.Tests.Models;

/// <summary>The parent of <see cref="Tick"/> rows, for cancellation while a prefetch reads.</summary>
[Model(Table = "val_tick_group")]
public partial class TickGroup
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public override string ToString() => Name;
}
