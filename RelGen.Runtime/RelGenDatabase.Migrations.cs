using RelGen.Metadata;
using RelGen.Migrations;

namespace RelGen;

public sealed partial class RelGenDatabase
{
    /// <summary>
    /// Applies the pending migrations of the loaded assemblies (the files under each project's <c>Migrations/</c>,
    /// embedded by the generator), in name order, each in its own transaction with its row in the history table
    /// <c>relgen_migrations</c>. Holds a PostgreSQL advisory lock meanwhile, so processes starting together apply each
    /// migration once. Refuses, before changing anything, an applied migration whose up SQL was edited
    /// (<see cref="MigrationChecksumException"/>). A database made by <see cref="CreateTablesAsync"/> from the same
    /// models, with no history yet, is adopted: see the README's "Migrations" section.
    /// Runs on a connection of its own, outside any RelGen transaction.
    /// </summary>
    public Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken = default)
        => RunMigrationsAsync(MigrationRegistry.All(), null, cancellationToken);

    /// <summary>
    /// Brings the database to <paramref name="targetMigration"/>: rolls back the applied migrations after it with their
    /// down SQL, latest first, and applies the pending ones up to it. <c>"0"</c> rolls back every migration.
    /// A migration the rollback needs without a down section is refused before anything changes
    /// (<see cref="MigrationDownMissingException"/>); an unknown name is a <see cref="MigrationNotFoundException"/>.
    /// </summary>
    public Task<MigrationResult> MigrateAsync(string targetMigration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetMigration);
        return RunMigrationsAsync(MigrationRegistry.All(), targetMigration, cancellationToken);
    }

    /// <summary>Migrates with the given migrations instead of the registered ones (tests, which share one process and registry).</summary>
    internal Task<MigrationResult> RunMigrationsAsync(IReadOnlyList<MigrationDescriptor> migrations, string? target, CancellationToken cancellationToken)
        => new Migrator(DataSource, migrations, Log.Command).RunAsync(target, cancellationToken);
}
