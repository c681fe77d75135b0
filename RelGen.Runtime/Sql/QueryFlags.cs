namespace RelGen.Sql;

/// <summary>Header flags of a <see cref="ShapeOp.Query"/> token, above the <see cref="QueryKind"/> in its argument.</summary>
[Flags]
internal enum QueryFlags
{
    None = 0,
    Distinct = 1 << 8,
    Limit = 1 << 9,
    Offset = 1 << 10,
    /// <summary>No explicit order: the model's <c>[Ordering]</c> applies.</summary>
    DefaultOrder = 1 << 11,
}
