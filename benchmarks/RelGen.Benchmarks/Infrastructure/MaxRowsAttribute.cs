namespace RelGen.Benchmarks.Infrastructure;

/// <summary>
/// Runs a variant only up to a size: a rival that sends one statement per row (or tracks every entity) would take many minutes
/// at a million rows and say nothing new. <see cref="MaxRowsFilter"/> drops the larger cases.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MaxRowsAttribute(int rows) : Attribute
{
    public int Rows { get; } = rows;
}
