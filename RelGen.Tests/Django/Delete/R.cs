namespace RelGen.Tests.Django.Delete;

/// <summary>Django's R, the target of every on-delete rule.</summary>
[Model(Table = "del_r")]
public partial class R
{
    /// <summary>
    /// The key of the R that <see cref="OnDelete.SetDefault"/> falls back to. Django computes its default with a
    /// function (<c>get_default_r</c>); a <c>[DefaultValue]</c> is a constant, so the tests create this R with this key.
    /// </summary>
    public const int DefaultKey = 1_000_000;

    public int Id { get; set; }
    public bool IsDefault { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial P? P { get; set; }
    public override string ToString() => $"R {Id}";
}
