namespace RelGen.Generator.Model;

/// <summary>Mirrors <c>RelGen.OnDelete</c> (the generator does not reference the runtime).</summary>
internal enum OnDeleteRule
{
    Cascade = 0,
    Protect = 1,
    Restrict = 2,
    SetNull = 3,
    SetDefault = 4,
    DoNothing = 5,
}
