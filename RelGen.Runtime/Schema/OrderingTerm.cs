namespace RelGen.Schema;

/// <summary>One term of a model's default ordering.</summary>
public readonly record struct OrderingTerm(int ColumnOrdinal, bool Descending);
