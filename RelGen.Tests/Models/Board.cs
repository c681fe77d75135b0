namespace RelGen.Tests.Models;

/// <summary>A parent of Guid-keyed children (<see cref="Pin"/>), for keys RelGen assigns through a reverse manager.</summary>
[Model(Table = "val_board")]
public partial class Board
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public override string ToString() => Name;
}
