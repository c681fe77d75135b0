namespace RelGen;

/// <summary>What one <c>MigrateAsync</c> call did, each list in the order it happened.</summary>
public sealed class MigrationResult
{
    internal MigrationResult(IReadOnlyList<string> adopted, IReadOnlyList<string> rolledBack, IReadOnlyList<string> applied)
    {
        Adopted = adopted;
        RolledBack = rolledBack;
        Applied = applied;
    }

    /// <summary>
    /// Migrations recorded as applied without running them, because the database (made by <c>CreateTablesAsync</c>
    /// or by hand, with no history yet) already had exactly the schema they produce.
    /// </summary>
    public IReadOnlyList<string> Adopted { get; }

    /// <summary>Migrations undone by their down SQL, latest first.</summary>
    public IReadOnlyList<string> RolledBack { get; }

    /// <summary>Migrations applied by their up SQL, in order.</summary>
    public IReadOnlyList<string> Applied { get; }

    /// <summary>The counts, e.g. <c>0 adopted, 0 rolled back, 2 applied</c>.</summary>
    public override string ToString()
        => $"{Adopted.Count} adopted, {RolledBack.Count} rolled back, {Applied.Count} applied";
}
