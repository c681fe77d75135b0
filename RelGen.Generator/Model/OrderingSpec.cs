namespace RelGen.Generator.Model;

/// <summary>One term of <c>[Ordering]</c>: a column index and a direction.</summary>
internal sealed record OrderingSpec(int ColumnIndex, bool Descending);
