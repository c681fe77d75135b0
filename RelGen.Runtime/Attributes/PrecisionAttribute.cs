namespace RelGen;

/// <summary>
/// The precision and scale of a <c>decimal</c> column: <c>[Precision(18, 2)]</c> makes <c>numeric(18,2)</c> (up to 16 digits
/// before the point, 2 after). PostgreSQL rounds a value with more decimals to the scale, and refuses one with too many
/// digits before the point (22003).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class PrecisionAttribute(int precision, int scale) : Attribute
{
    /// <summary>The total number of significant digits.</summary>
    public int Precision { get; } = precision;

    /// <summary>The number of digits after the decimal point.</summary>
    public int Scale { get; } = scale;
}
