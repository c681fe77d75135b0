namespace RelGen.Generator.Model;

/// <summary>
/// What a model's table declares beyond its columns, every object already named: the key constraint, foreign keys, indexes
/// (those RelGen puts on foreign keys included), unique and check constraints. The snapshot and <c>CreateTablesAsync</c>'s
/// DDL are built from it, never the per-model file.
/// </summary>
/// <param name="PrimaryKeyName">The primary key constraint's name.</param>
/// <param name="ForeignKeys">One per relation, in declaration order.</param>
/// <param name="Indexes">Indexes, the foreign keys' first.</param>
/// <param name="UniqueConstraints">The <c>[Unique]</c> constraints.</param>
/// <param name="Checks">The <c>[CheckSql]</c> constraints.</param>
internal sealed record ModelSchemaSpec(
    string PrimaryKeyName,
    EquatableArray<ForeignKeySpec> ForeignKeys,
    EquatableArray<IndexSpec> Indexes,
    EquatableArray<UniqueSpec> UniqueConstraints,
    EquatableArray<CheckSpec> Checks)
{
    public static ModelSchemaSpec Empty { get; } = new("", EquatableArray<ForeignKeySpec>.Empty, EquatableArray<IndexSpec>.Empty,
        EquatableArray<UniqueSpec>.Empty, EquatableArray<CheckSpec>.Empty);
}

/// <summary>A relation's foreign key constraint.</summary>
/// <param name="Name">The constraint name.</param>
/// <param name="RelationIndex">The relation it belongs to (the graph leaves out those whose target is not valid).</param>
/// <param name="Column">The key column.</param>
/// <param name="TargetTable">The target model's table.</param>
/// <param name="TargetColumn">The target's key column.</param>
/// <param name="OnDelete">The rule, as SQL (<c>CASCADE</c>, <c>SET NULL</c>, <c>SET DEFAULT</c>, <c>NO ACTION</c>).</param>
internal sealed record ForeignKeySpec(string Name, int RelationIndex, string Column, string TargetTable, string TargetColumn, string OnDelete);

/// <summary>An index over columns, in order.</summary>
internal sealed record IndexSpec(string Name, EquatableArray<string> Columns, bool Unique);

/// <summary>A <c>UNIQUE</c> table constraint.</summary>
internal sealed record UniqueSpec(string Name, EquatableArray<string> Columns);

/// <summary>A <c>CHECK</c> constraint with the developer's SQL.</summary>
internal sealed record CheckSpec(string Name, string Sql);
