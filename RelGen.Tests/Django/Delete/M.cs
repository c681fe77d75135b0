namespace RelGen.Tests.Django.Delete;

/// <summary>Django's M without its many-to-many fields; <see cref="MR"/> and <see cref="MRNull"/> are its explicit link models.</summary>
[Model(Table = "del_m")]
public partial class M
{
    public override string ToString() => $"M {Id}";
}
