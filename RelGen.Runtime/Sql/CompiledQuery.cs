namespace RelGen.Sql;

/// <summary>The SQL text of a query shape, and where each select-related model's columns start in a row.</summary>
internal sealed record CompiledQuery(string Sql, int[] RelatedOffsets);
