namespace RelGen;

/// <summary>
/// <c>MigrateAsync</c> found tables its migrations create in a database that has no migration history (made by
/// <c>CreateTablesAsync</c> or by hand), and their schema matches no migration, so it cannot tell which
/// migrations the database already has. Nothing was changed. <see cref="Differences"/> lists how the database
/// differs from the latest migration's schema.
/// </summary>
public sealed class SchemaNotAdoptableException : MigrationException
{
    /// <summary>Creates the error for the existing <paramref name="tables"/>, which differ from the latest migration's schema by <paramref name="differences"/>.</summary>
    public SchemaNotAdoptableException(IReadOnlyList<string> tables, IReadOnlyList<string> differences)
        : base(BuildMessage(tables, differences), null)
    {
        Tables = tables;
        Differences = differences;
    }

    /// <summary>The tables found that migrations would create.</summary>
    public IReadOnlyList<string> Tables { get; }

    /// <summary>Each difference between the database and the latest migration's schema, e.g. <c>missing: column reporter.email varchar(100) NOT NULL</c>.</summary>
    public IReadOnlyList<string> Differences { get; }

    /// <summary>42P07 (duplicate_table): what applying the first migration would have run into.</summary>
    public override string? SqlState => "42P07";

    private static string BuildMessage(IReadOnlyList<string> tables, IReadOnlyList<string> differences)
        => $"The database has no migration history (table relgen_migrations) but already has tables the migrations create ({string.Join(", ", tables)}), "
           + "and their schema is not the schema after any one migration, so RelGen cannot tell which migrations it already has. "
           + "A database made by CreateTablesAsync from the same models is adopted by MigrateAsync by itself; this one differs from the latest migration's schema:"
           + Environment.NewLine + string.Join(Environment.NewLine, differences.Take(20).Select(d => "  " + d))
           + (differences.Count > 20 ? $"{Environment.NewLine}  ... and {differences.Count - 20} more" : "")
           + Environment.NewLine + "Bring those tables in line with a migration (or drop them, on a database whose data does not matter), then call MigrateAsync again. Nothing was changed.";
}
