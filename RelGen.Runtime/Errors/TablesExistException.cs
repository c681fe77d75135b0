namespace RelGen;

/// <summary>
/// <c>CreateTablesAsync</c> found tables of the models already there: it creates a schema from nothing and changed nothing.
/// Evolve an existing database with <c>MigrateAsync</c> (which adopts one made by <c>CreateTablesAsync</c>), or drop the
/// tables first with <c>DropTablesAsync</c> where the data does not matter.
/// </summary>
public sealed class TablesExistException : RelGenException
{
    public TablesExistException(IReadOnlyList<string> tables, IReadOnlyList<string> models, Exception? inner = null)
        : base($"CreateTablesAsync creates tables from nothing, but {Describe(tables)} already exist{(tables.Count == 1 ? "s" : "")} in the connection's schema "
               + $"(model{(models.Count == 1 ? "" : "s")} {string.Join(", ", models)}); nothing was created. Use MigrateAsync to bring an existing database up to date "
               + "(it adopts a database CreateTablesAsync made), or DropTablesAsync first where the data does not matter.", inner)
    {
        Tables = tables;
        Models = models;
    }

    /// <summary>The tables found, e.g. <c>reporter</c>.</summary>
    public IReadOnlyList<string> Tables { get; }

    /// <summary>The models whose tables they are, e.g. <c>Reporter</c>.</summary>
    public IReadOnlyList<string> Models { get; }

    /// <summary>42P07 (duplicate_table), what creating them would have run into.</summary>
    public string SqlState => "42P07";

    private static string Describe(IReadOnlyList<string> tables)
        => tables.Count == 1 ? $"table {tables[0]}" : $"tables {string.Join(", ", tables)}";
}
