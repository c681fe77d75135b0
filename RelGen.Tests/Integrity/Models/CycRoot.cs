namespace RelGen.Tests.Integrity.Models;

/// <summary>The root of two cycles: <see cref="CycA"/>/<see cref="CycB"/> through nullable DoNothing keys, <see cref="CycC"/>/<see cref="CycD"/> through nullable cascading ones.</summary>
[Model(Table = "cyc_root")]
public partial class CycRoot
{
    public int Id { get; set; }
    public override string ToString() => $"CycRoot {Id}";
}
